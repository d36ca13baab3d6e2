package hotsm.vm.node;

/**
 * The node's own budgets (docs/security.md, "Budgets"), besides the step
 * limit ({@link NodeOptions#fuel()}).
 *
 * @param maxValueSize the largest output or state a step, adapter or migration may produce, in bytes
 *                     of its wire encoding ({@link hotsm.vm.value.ValueSize}); past it the step fails
 *                     like a division by zero and the state is kept
 * @param maxHistory   versions the history keeps; older ones are compacted (counted in {@link NodeInfo#omitted()})
 * @param maxArtifacts artifacts the node keeps by identity (for downgrades and old clients' adapters);
 *                     the oldest is forgotten first, never the running one
 */
public record NodeLimits(long maxValueSize, int maxHistory, int maxArtifacts) {

    /**
     * Three quarters of the default frame maximum (16 MiB), so any output or
     * state fits in a reply with its type; a million integers fit.
     */
    public static final long DEFAULT_MAX_VALUE_SIZE = 12L * 1024 * 1024;
    public static final int DEFAULT_MAX_HISTORY = 1_000;
    public static final int DEFAULT_MAX_ARTIFACTS = 64;

    public NodeLimits {
        if (maxValueSize < 16) throw new IllegalArgumentException("the value size budget must be at least 16 bytes");
        if (maxHistory < 1) throw new IllegalArgumentException("the history must keep at least one version");
        if (maxArtifacts < 1) throw new IllegalArgumentException("the node must keep at least the running artifact");
    }

    public static NodeLimits defaults() {
        return new NodeLimits(DEFAULT_MAX_VALUE_SIZE, DEFAULT_MAX_HISTORY, DEFAULT_MAX_ARTIFACTS);
    }

    /**
     * @throws Refusal ({@code reason}) if {@code v}, the {@code what} of a step, is over {@link #maxValueSize()}
     */
    void checkSize(hotsm.vm.value.Value v, String what, Refusal.Reason reason, String consequence) {
        checkSize(hotsm.vm.value.ValueSize.of(v, maxValueSize), what, reason, consequence);
    }

    /** As {@link #checkSize(hotsm.vm.value.Value, String, Refusal.Reason, String)}, for a size already counted. */
    void checkSize(long size, String what, Refusal.Reason reason, String consequence) {
        if (size > maxValueSize) {
            throw new Refusal(reason, "The " + what + " is over the value size budget of " + maxValueSize
                    + " bytes (--max-value). " + consequence);
        }
    }
}
