package hotsm.vm.protocol;

/** Why a request failed (the body of an {@link MessageType#ERROR} frame starts with one). */
public enum ErrorCode {
    /** The frame's body could not be read. */
    MALFORMED(1),
    /** The type byte names no request. */
    UNKNOWN_REQUEST(2),
    /** The frame's length exceeds the node's maximum; the connection is closed. */
    FRAME_TOO_LARGE(3),
    /** The value does not have the input type. */
    BAD_VALUE(4),
    /** The step failed at run time; the state is unchanged. */
    STEP_FAILED(5),
    /** The node cannot adapt the interface version the client speaks. */
    UNKNOWN_INTERFACE(6),
    UPGRADE_REFUSED(7),
    DOWNGRADE_REFUSED(8),
    /** The artifact's bytes could not be decoded. */
    BAD_ARTIFACT(9),
    /** The handshake failed (bad magic, unsupported version); the connection is closed. */
    HANDSHAKE(10),
    /** The node is stopping. */
    STOPPED(11),
    /** A bug in the node (or it ran out of memory serving this request); the node keeps running. */
    INTERNAL(12),
    /** The request needs a journal and the node keeps none (started without {@code --data-dir}). */
    NOT_DURABLE(13),
    /**
     * A budget of the node was exhausted by this request or connection (its buffers, a
     * reply's size); the node keeps running and the request may be tried again later.
     */
    BUSY(14);

    private final int code;

    ErrorCode(int code) { this.code = code; }

    public int code() { return code; }

    /** The error with this code; unknown codes read as {@link #INTERNAL}. */
    public static ErrorCode of(int code) {
        for (ErrorCode e : values()) if (e.code == code) return e;
        return INTERNAL;
    }
}
