package hotsm.vm.protocol;

/**
 * One message: {@code u32 length | u8 type | u32 request id | body}, where
 * length counts the type byte, the id and the body.
 *
 * @param type      the raw type byte (it may name no {@link MessageType})
 * @param requestId chosen by the client, echoed by the node; 0 for errors not tied to a request
 */
public record Frame(int type, int requestId, byte[] body) {

    public Frame(MessageType type, int requestId, byte[] body) { this(type.code(), requestId, body); }

    /** The named type, or null for an unknown type byte. */
    public MessageType messageType() { return MessageType.of(type); }
}
