package hotsm.vm.journal;

import hotsm.vm.bytecode.Artifact;
import hotsm.vm.bytecode.Identities;
import hotsm.vm.bytecode.Identity;
import hotsm.vm.node.NodeInfo;
import hotsm.vm.node.NodeSnapshot;
import hotsm.vm.node.StateView;
import hotsm.vm.protocol.Messages;
import hotsm.vm.protocol.ProtocolException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.zip.CRC32C;

/**
 * The bytes of a snapshot: a {@link NodeSnapshot} and the journal position it
 * covers, with the artifacts named by {@link ArtifactHash} (they are stored
 * beside it, once each, by an {@link ArtifactStore} or, for replication, sent
 * along). Layout (big-endian; docs/durability.md):
 *
 * <pre>
 * "HSMS" | u32 format 1 | i64 position | u32 body length L | body | u32 CRC-32C of everything before it
 * body: 32-byte hash of the running artifact
 *     | u32 m | the protocol's INFO_REPLY body (name, identity, types, version history)
 *     | u32 k | the protocol's STATE_REPLY body (state type, state value)
 *     | u32 n | n x (identity | artifact hash): every artifact the node has run
 * </pre>
 *
 * The position is the number of journal records the snapshot includes:
 * recovery replays records from that index on.
 */
public final class SnapshotCodec {
    private SnapshotCodec() {}

    static final byte[] MAGIC = "HSMS".getBytes(StandardCharsets.US_ASCII);
    public static final int FORMAT = 1;
    private static final int HEADER = 20;

    /** A snapshot and the number of journal records it includes. */
    public record Image(long position, NodeSnapshot snapshot) {}

    /**
     * Encode; {@code store} gives each artifact's hash (and keeps the artifact
     * where {@link #decode}'s loader will find it).
     */
    public static byte[] encode(NodeSnapshot s, long position, Function<Artifact, ArtifactHash> store) {
        byte[] info = Messages.info(s.info());
        byte[] state = Messages.state(new StateView(s.artifact().state(), s.state()));
        ArtifactHash running = store.apply(s.artifact());
        int bodyLength = 32 + 4 + info.length + 4 + state.length + 4 + s.known().size() * 64;
        ByteBuffer b = ByteBuffer.allocate(HEADER + bodyLength + 4);
        b.put(MAGIC).putInt(FORMAT).putLong(position).putInt(bodyLength);
        b.put(running.bytes());
        b.putInt(info.length).put(info);
        b.putInt(state.length).put(state);
        b.putInt(s.known().size());
        for (Map.Entry<Identity, Artifact> e : s.known().entrySet()) {
            b.put(e.getKey().bytes()).put(store.apply(e.getValue()).bytes());
        }
        b.putInt(crc(b.array(), HEADER + bodyLength));
        return b.array();
    }

    /** The position alone, after checking magic, format, length and checksum (no artifacts needed). */
    public static long position(byte[] bytes) {
        check(bytes);
        return ByteBuffer.wrap(bytes, 8, 8).getLong();
    }

    /**
     * Decode; {@code load} finds an artifact by hash.
     *
     * @throws JournalException saying what is wrong and at which offset
     */
    public static Image decode(byte[] bytes, Function<ArtifactHash, Artifact> load) {
        check(bytes);
        ByteBuffer b = ByteBuffer.wrap(bytes);
        b.position(8);
        long position = b.getLong();
        b.getInt();
        try {
            Artifact running = load.apply(hash(b));
            NodeInfo info = Messages.info(chunk(b, "info"));
            StateView state = Messages.state(chunk(b, "state"));
            int n = b.getInt();
            if (n < 0 || n > (bytes.length - b.position()) / 64) {
                throw new JournalException("artifact count " + n + " at offset " + (b.position() - 4)
                        + " exceeds the snapshot");
            }
            Map<Identity, Artifact> known = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                byte[] id = new byte[32];
                b.get(id);
                known.put(new Identity(id), load.apply(hash(b)));
            }
            if (b.position() != bytes.length - 4) {
                throw new JournalException((bytes.length - 4 - b.position()) + " unexpected bytes at offset "
                        + b.position());
            }
            Identity identity = Identities.of(running);
            if (!identity.equals(info.identity())) {
                throw new JournalException("the running artifact has identity " + identity.shortHex()
                        + " but the snapshot says " + info.identity().shortHex());
            }
            if (!state.type().equals(running.state())) {
                throw new JournalException("the state's type is not the running machine's state type");
            }
            return new Image(position, new NodeSnapshot(running, identity, state.value(), info.history(), known));
        } catch (ProtocolException e) {
            throw new JournalException("a part of the snapshot does not decode: " + e.getMessage());
        } catch (BufferUnderflowException e) {
            throw new JournalException("the snapshot ends early");
        }
    }

    private static void check(byte[] bytes) {
        if (bytes.length < HEADER + 4) {
            throw new JournalException("only " + bytes.length + " bytes (truncated: a snapshot has at least "
                    + (HEADER + 4) + ")");
        }
        if (!Arrays.equals(Arrays.copyOf(bytes, 4), MAGIC)) {
            throw new JournalException("not a snapshot (no HSMS magic at offset 0)");
        }
        ByteBuffer b = ByteBuffer.wrap(bytes);
        int format = b.getInt(4);
        if (format != FORMAT) throw new JournalException("snapshot format " + format + " (this node reads " + FORMAT + ")");
        long bodyLength = Integer.toUnsignedLong(b.getInt(16));
        if (HEADER + bodyLength + 4 != bytes.length) {
            throw new JournalException("the header says " + (HEADER + bodyLength + 4) + " bytes but the file has "
                    + bytes.length + " (truncated or extended)");
        }
        int stored = b.getInt(bytes.length - 4);
        if (stored != crc(bytes, bytes.length - 4)) {
            throw new JournalException("checksum mismatch (CRC-32C at offset " + (bytes.length - 4) + ")");
        }
    }

    private static ArtifactHash hash(ByteBuffer b) {
        byte[] h = new byte[32];
        b.get(h);
        return new ArtifactHash(h);
    }

    private static byte[] chunk(ByteBuffer b, String what) {
        int at = b.position();
        int n = b.getInt();
        if (n < 0 || n > b.remaining()) throw new JournalException(what + " length " + n + " at offset " + at
                + " exceeds the snapshot");
        byte[] c = new byte[n];
        b.get(c);
        return c;
    }

    static int crc(byte[] bytes, int length) {
        CRC32C c = new CRC32C();
        c.update(bytes, 0, length);
        return (int) c.getValue();
    }
}
