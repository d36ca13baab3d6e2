package hotsm.vm.node;

/**
 * Why a node did not do what it was asked; the node itself is unchanged. The
 * message is for people (and, for upgrades, the exact text LANGUAGE.md §10
 * prescribes).
 */
public final class Refusal extends RuntimeException {

    /** What kind of request was refused. */
    public enum Reason {
        /** The value does not have the input type of the interface the client speaks. */
        BAD_VALUE,
        /** The step (or an adapter) failed at run time: division by zero, step limit. */
        STEP_FAILED,
        /** The client speaks a version the node cannot adapt to the running one. */
        UNKNOWN_INTERFACE,
        UPGRADE_REFUSED,
        DOWNGRADE_REFUSED,
        /** The node has stopped. */
        STOPPED
    }

    private final Reason reason;

    public Refusal(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() { return reason; }
}
