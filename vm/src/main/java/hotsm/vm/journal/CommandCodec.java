package hotsm.vm.journal;

import hotsm.vm.bytecode.ArtifactCodec;
import hotsm.vm.node.Command;
import hotsm.vm.protocol.Messages;
import hotsm.vm.protocol.ProtocolException;
import hotsm.vm.trust.ReleaseSignature;
import hotsm.vm.trust.TrustException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * The bytes of one journaled command: everything replay needs to redo it
 * exactly, and nothing else. A record's payload (docs/durability.md):
 *
 * <pre>
 * u8 1 | the protocol's STEP request body (u8 flag, [identity], value)   a step
 * u8 2 | i64 time (ms since the epoch) | the artifact's .cam bytes          an upgrade
 * u8 3 | i64 time (ms since the epoch)                                      a downgrade
 * u8 4 | i64 time | 110-byte release signature | the artifact's .cam bytes  a signed upgrade
 * u8 5 | i64 time | 110-byte release signature                             a signed downgrade
 * </pre>
 *
 * A signed change (docs/security.md) keeps its signature, so replay checks it
 * again under the node's trusted keys and the history records its signer.
 *
 * Steps read no clock; an upgrade or a downgrade stamps the version history
 * with the time, which is the node's only non-deterministic input, so it is
 * journaled and replay uses it. Upgrades carry the whole artifact, so a record
 * stands alone (a replicated log entry needs no side files). Integers are
 * big-endian, values and identities as docs/protocol.md writes them.
 */
public final class CommandCodec {
    private CommandCodec() {}

    public static final int STEP = 1, UPGRADE = 2, DOWNGRADE = 3, SIGNED_UPGRADE = 4, SIGNED_DOWNGRADE = 5;

    /**
     * A decoded record: the command and the time it used.
     *
     * @param time the time an upgrade or downgrade stamped its history entry with; null for a step
     */
    public record Entry(Command command, Instant time) {
        public Entry {
            Objects.requireNonNull(command);
        }
    }

    /**
     * The payload for a command that changed the node.
     *
     * @param time the time it used (required for upgrades and downgrades, ignored for steps)
     * @throws IllegalArgumentException for a command that changes nothing (a read)
     */
    public static byte[] encode(Command command, Instant time) {
        if (command instanceof Command.Step s) {
            byte[] body = Messages.stepRequest(new Messages.StepRequest(s.speaking(), s.input()));
            return ByteBuffer.allocate(1 + body.length).put((byte) STEP).put(body).array();
        } else if (command instanceof Command.Upgrade u) {
            return upgrade(ArtifactCodec.encode(u.artifact()), time);
        } else if (command instanceof Command.UpgradeFromBytes b) {
            return upgrade(b.artifact(), time);
        } else if (command instanceof Command.Downgrade) {
            return ByteBuffer.allocate(9).put((byte) DOWNGRADE).putLong(millis(time)).array();
        } else if (command instanceof Command.Signed s) {
            byte[] sig = s.signature().encode();
            byte[] artifact = s.change() instanceof Command.UpgradeFromBytes b ? b.artifact()
                    : s.change() instanceof Command.Upgrade u ? ArtifactCodec.encode(u.artifact()) : new byte[0];
            int kind = s.change() instanceof Command.Downgrade ? SIGNED_DOWNGRADE : SIGNED_UPGRADE;
            return ByteBuffer.allocate(9 + sig.length + artifact.length).put((byte) kind).putLong(millis(time))
                    .put(sig).put(artifact).array();
        }
        throw new IllegalArgumentException("not a command that changes the node: " + command);
    }

    private static byte[] upgrade(byte[] artifact, Instant time) {
        return ByteBuffer.allocate(9 + artifact.length).put((byte) UPGRADE).putLong(millis(time)).put(artifact)
                .array();
    }

    private static long millis(Instant time) {
        return Objects.requireNonNull(time, "an upgrade or downgrade record needs its time").toEpochMilli();
    }

    /**
     * Read a payload back.
     *
     * @throws JournalException naming what is wrong (offsets are within the payload)
     */
    public static Entry decode(byte[] payload) {
        if (payload.length == 0) throw new JournalException("an empty record");
        int kind = payload[0] & 0xFF;
        switch (kind) {
            case STEP -> {
                try {
                    Messages.StepRequest r = Messages.stepRequest(Arrays.copyOfRange(payload, 1, payload.length));
                    return new Entry(new Command.Step(r.input(), r.speaking()), null);
                } catch (ProtocolException e) {
                    throw new JournalException("a step record that does not decode: " + e.getMessage());
                }
            }
            case UPGRADE -> {
                need(payload, 9, "an upgrade record");
                return new Entry(new Command.UpgradeFromBytes(Arrays.copyOfRange(payload, 9, payload.length)),
                        time(payload));
            }
            case DOWNGRADE -> {
                need(payload, 9, "a downgrade record");
                if (payload.length != 9) throw new JournalException("a downgrade record of " + payload.length
                        + " bytes (expected 9)");
                return new Entry(new Command.Downgrade(), time(payload));
            }
            case SIGNED_UPGRADE, SIGNED_DOWNGRADE -> {
                int head = 9 + ReleaseSignature.LENGTH;
                need(payload, head, "a signed change record");
                if (kind == SIGNED_DOWNGRADE && payload.length != head) {
                    throw new JournalException("a signed downgrade record of " + payload.length + " bytes (expected "
                            + head + ")");
                }
                ReleaseSignature sig;
                try {
                    sig = ReleaseSignature.decode(Arrays.copyOfRange(payload, 9, head));
                } catch (TrustException e) {
                    throw new JournalException("a signed change record whose signature does not decode: "
                            + e.getMessage());
                }
                Command change = kind == SIGNED_DOWNGRADE ? new Command.Downgrade()
                        : new Command.UpgradeFromBytes(Arrays.copyOfRange(payload, head, payload.length));
                return new Entry(new Command.Signed(change, sig), time(payload));
            }
            default -> throw new JournalException("unknown record kind " + kind);
        }
    }

    private static void need(byte[] payload, int n, String what) {
        if (payload.length < n) throw new JournalException(what + " of " + payload.length + " bytes (at least " + n
                + " expected)");
    }

    private static Instant time(byte[] payload) {
        return Instant.ofEpochMilli(ByteBuffer.wrap(payload, 1, 8).getLong());
    }
}
