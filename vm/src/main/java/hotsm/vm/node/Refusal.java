package hotsm.vm.node;

/**
 * Why a node did not do what it was asked; the node itself is unchanged. The
 * message is for people (and, for upgrades, the exact text LANGUAGE.md §10
 * prescribes). A {@link hotsm.vm.node.Node} fails its futures with one, and a
 * {@link hotsm.vm.protocol.NodeClient} throws one for the node's error
 * replies, so local and remote callers handle refusals the same way.
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
        STOPPED,
        /** The request (or the connection) broke the protocol: malformed, unknown, too large. */
        PROTOCOL,
        /** The request needs a journal and the node keeps none (no {@code --data-dir}). */
        NOT_DURABLE,
        /** A bug in the node, which keeps serving. */
        INTERNAL
    }

    private final Reason reason;

    public Refusal(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() { return reason; }
}
