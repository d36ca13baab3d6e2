package hotsm.vm.protocol;

/**
 * A node answered a request with an error: the request was refused (an
 * upgrade the node did not accept, a value it could not run) or malformed.
 * The message is the node's, for people; for a refused upgrade it is
 * LANGUAGE.md §10's exact text.
 */
public final class NodeError extends Exception {
    private final ErrorCode code;

    public NodeError(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public ErrorCode code() { return code; }
}
