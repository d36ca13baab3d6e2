package hotsm.vm.protocol;

import java.nio.charset.StandardCharsets;

/** The protocol's constants (docs/protocol.md). */
public final class Wire {
    private Wire() {}

    /** {@code HSMP}: the first four bytes each side sends. */
    public static final byte[] MAGIC = "HSMP".getBytes(StandardCharsets.US_ASCII);
    /**
     * The one protocol version this code speaks (2: lists, maps and record field names in values and types;
     * the cookie proof in the handshake).
     */
    public static final int PROTOCOL_VERSION = 2;
    /** Default largest frame (length field value) a node accepts: 16 MiB. */
    public static final int DEFAULT_MAX_FRAME = 16 * 1024 * 1024;
    /** Type byte and request id: the smallest length a frame can have. */
    public static final int FRAME_HEADER = 5;
    /** Requests a connection may have in flight before the node stops reading from it. */
    public static final int MAX_IN_FLIGHT = 1024;
    /** How deep a value on the wire may nest (verified shapes are at most 1,000 deep). */
    public static final int MAX_DEPTH = 2_000;
    /** The default port of {@code sm node}. */
    public static final int DEFAULT_PORT = 7070;
}
