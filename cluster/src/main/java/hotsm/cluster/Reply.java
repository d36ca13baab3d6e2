package hotsm.cluster;

import hotsm.vm.node.Refusal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * What a member's state machine answers to an {@link Entry}: a body in the
 * node protocol's encoding ({@code OUTPUT}, {@code CHANGED}, {@code STATE_REPLY},
 * ...), or the machine's refusal. Refusals travel inside the reply rather
 * than as Ratis failures: applying a refused entry is a normal, deterministic
 * outcome that every member reaches alike.
 *
 * <p>Bytes: {@code u8 0 | body}, or {@code u8 1 | u8 reason | UTF-8 message}.
 */
public sealed interface Reply {

    record Ok(byte[] body) implements Reply {}

    record Refused(Refusal.Reason reason, String message) implements Reply {
        public Refusal toRefusal() { return new Refusal(reason, message); }
    }

    static Reply refused(Refusal r) { return new Refused(r.reason(), r.getMessage()); }

    default byte[] encode() {
        if (this instanceof Ok ok) {
            return ByteBuffer.allocate(ok.body().length + 1).put((byte) 0).put(ok.body()).array();
        }
        Refused r = (Refused) this;
        byte[] text = r.message().getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(text.length + 2).put((byte) 1).put((byte) r.reason().ordinal()).put(text).array();
    }

    /** @throws IllegalArgumentException if the bytes are not a reply */
    static Reply decode(byte[] bytes) {
        if (bytes.length == 0) throw new IllegalArgumentException("an empty reply");
        if (bytes[0] == 0) return new Ok(Arrays.copyOfRange(bytes, 1, bytes.length));
        if (bytes[0] != 1 || bytes.length < 2 || (bytes[1] & 0xFF) >= Refusal.Reason.values().length) {
            throw new IllegalArgumentException("an unreadable reply");
        }
        return new Refused(Refusal.Reason.values()[bytes[1] & 0xFF],
                new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_8));
    }
}
