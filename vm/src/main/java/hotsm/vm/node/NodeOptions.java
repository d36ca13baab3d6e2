package hotsm.vm.node;

import hotsm.vm.trust.TrustPolicy;
import java.time.Clock;
import java.util.Objects;

/**
 * How a node runs.
 *
 * @param fuel     the step limit: CAM instructions one step, adapter or migration may run
 * @param log      where commands are recorded before they are applied
 * @param listener told what happened, in order (tracing)
 * @param clock    for the version history's times
 * @param limits   the node's budgets for values, history and artifacts
 * @param trust    who may change the code (docs/security.md); open: any client
 */
public record NodeOptions(long fuel, CommandLog log, NodeListener listener, Clock clock, NodeLimits limits,
                          TrustPolicy trust) {

    /**
     * The one default step limit (docs/bytecode.md §11): enough for any
     * reasonable step; a runaway one is stopped and refused. A node's, {@code smc
     * run}'s and the REPL's {@code --fuel} default to it.
     */
    public static final long DEFAULT_FUEL = 50_000_000L;

    public NodeOptions {
        if (fuel <= 0) throw new IllegalArgumentException("fuel must be positive");
        Objects.requireNonNull(log);
        Objects.requireNonNull(listener);
        Objects.requireNonNull(clock);
        Objects.requireNonNull(limits);
        Objects.requireNonNull(trust);
    }

    /** With the default {@link NodeLimits}, open to any client. */
    public NodeOptions(long fuel, CommandLog log, NodeListener listener, Clock clock) {
        this(fuel, log, listener, clock, NodeLimits.defaults());
    }

    /** Open to any client (no trusted keys). */
    public NodeOptions(long fuel, CommandLog log, NodeListener listener, Clock clock, NodeLimits limits) {
        this(fuel, log, listener, clock, limits, TrustPolicy.open());
    }

    public static NodeOptions defaults() {
        return new NodeOptions(DEFAULT_FUEL, CommandLog.NONE, NodeListener.NONE, Clock.systemUTC());
    }

    public NodeOptions withListener(NodeListener l) { return new NodeOptions(fuel, log, l, clock, limits, trust); }

    public NodeOptions withLog(CommandLog l) { return new NodeOptions(fuel, l, listener, clock, limits, trust); }

    public NodeOptions withFuel(long f) { return new NodeOptions(f, log, listener, clock, limits, trust); }

    public NodeOptions withLimits(NodeLimits l) { return new NodeOptions(fuel, log, listener, clock, l, trust); }

    public NodeOptions withTrust(TrustPolicy t) { return new NodeOptions(fuel, log, listener, clock, limits, t); }
}
