package hotsm.vm.protocol;

/** The type byte of a frame: requests below 0x80, replies from 0x80. */
public enum MessageType {
    /** Empty body; answered by {@link #INFO_REPLY}. */
    INFO(0x01),
    /** Optional interface identity, then a value; answered by {@link #OUTPUT}. */
    STEP(0x02),
    /** Empty body; answered by {@link #STATE_REPLY}. */
    STATE(0x03),
    /** An artifact's bytes; answered by {@link #CHANGED}. */
    UPGRADE(0x04),
    /** Empty body; answered by {@link #CHANGED}. */
    DOWNGRADE(0x05),
    /** Empty body; answered by {@link #PONG}. Does not go through the machine's queue. */
    PING(0x06),
    /** An identity; answered by {@link #INTERFACE_REPLY} if the node can serve a client speaking it. */
    INTERFACE(0x07),
    /** Empty body; answered by {@link #SNAPSHOT_REPLY} once a snapshot is on disk (durable nodes only). */
    SNAPSHOT(0x08),
    /**
     * Empty body; answered by {@link #GROUP_REPLY} by a member of a replicated
     * group (docs/cluster.md); a single node answers an error.
     */
    GROUP(0x09),
    /** A release signature, then an artifact's bytes (docs/security.md); answered by {@link #CHANGED}. */
    SIGNED_UPGRADE(0x0A),
    /** A release signature; answered by {@link #CHANGED}. */
    SIGNED_DOWNGRADE(0x0B),

    INFO_REPLY(0x81),
    OUTPUT(0x82),
    STATE_REPLY(0x83),
    CHANGED(0x84),
    PONG(0x86),
    INTERFACE_REPLY(0x87),
    SNAPSHOT_REPLY(0x88),
    /** The group's members, leader, term, commit index and each member's applied index and version. */
    GROUP_REPLY(0x89),
    /** An error code and a message. */
    ERROR(0xFF);

    private final int code;

    /** The types by code (a type byte is 0 to 255): looked up once per frame, without copying {@code values()}. */
    private static final MessageType[] BY_CODE = new MessageType[256];

    static {
        for (MessageType t : values()) BY_CODE[t.code] = t;
    }

    MessageType(int code) { this.code = code; }

    public int code() { return code; }

    /** The type with this code, or null. */
    public static MessageType of(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
