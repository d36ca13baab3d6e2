package hotsm.cluster;

import hotsm.vm.bytecode.Artifact;
import hotsm.vm.bytecode.ArtifactCodec;
import hotsm.vm.bytecode.Identities;
import hotsm.vm.bytecode.Identity;
import hotsm.vm.node.NodeSnapshot;
import hotsm.vm.node.StateView;
import hotsm.vm.protocol.Messages;
import hotsm.vm.protocol.ProtocolException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * A member's snapshot file: one {@link NodeSnapshot} (every artifact the
 * machine has run, the running identity, the state, the version history).
 * Ratis names the file after the term and index it was taken at and ships it
 * to members too far behind to catch up from the log.
 *
 * <p>Bytes: {@code "HSMS" | u32 version 1 | u32 n | n × (u32 length | .cam
 * bytes) | 32-byte running identity | u32 length | STATE_REPLY body | u32
 * length | INFO_REPLY body (for the history) | u32 CRC-32C of all before}.
 * The bodies are the node protocol's (docs/protocol.md).
 *
 * <p>This is the cluster module's own minimal format: the durable node's
 * snapshot codec (issue 9) was not yet on a branch when it was written.
 */
public final class SnapshotCodec {
    private SnapshotCodec() {}

    private static final byte[] MAGIC = "HSMS".getBytes(StandardCharsets.US_ASCII);
    private static final int VERSION = 1;

    public static byte[] encode(NodeSnapshot s) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.write(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(s.known().size());
            for (Artifact a : s.known().values()) blob(out, ArtifactCodec.encode(a));
            out.write(s.identity().bytes());
            blob(out, Messages.state(new StateView(s.artifact().state(), s.state())));
            blob(out, Messages.info(s.info()));
            CRC32C crc = new CRC32C();
            crc.update(bytes.toByteArray());
            out.writeInt((int) crc.getValue());
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @throws IllegalArgumentException naming what is wrong, if the bytes are not a whole snapshot */
    public static NodeSnapshot decode(byte[] bytes) {
        if (bytes.length < 12) throw new IllegalArgumentException("a snapshot of " + bytes.length + " bytes");
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length - 4);
        int stored = java.nio.ByteBuffer.wrap(bytes, bytes.length - 4, 4).getInt();
        if (stored != (int) crc.getValue()) throw new IllegalArgumentException("the snapshot's checksum does not match");
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 0, bytes.length - 4));
            byte[] magic = in.readNBytes(4);
            if (!Arrays.equals(magic, MAGIC)) throw new IllegalArgumentException("not a hotsm snapshot (bad magic)");
            int version = in.readInt();
            if (version != VERSION) throw new IllegalArgumentException("snapshot format version " + version
                    + ", this build reads " + VERSION);
            int n = in.readInt();
            Map<Identity, Artifact> known = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                Artifact a = ArtifactCodec.decode(blob(in));
                known.put(Identities.of(a), a);
            }
            Identity running = new Identity(in.readNBytes(32));
            Artifact artifact = known.get(running);
            if (artifact == null) throw new IllegalArgumentException("the running artifact is missing");
            StateView state = Messages.state(blob(in));
            var info = Messages.info(blob(in));
            return new NodeSnapshot(artifact, running, state.value(), info.history(), known);
        } catch (IOException | ProtocolException e) {
            throw new IllegalArgumentException("an unreadable snapshot: " + e.getMessage(), e);
        }
    }

    private static void blob(DataOutputStream out, byte[] b) throws IOException {
        out.writeInt(b.length);
        out.write(b);
    }

    private static byte[] blob(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.available()) throw new IOException("a length of " + n + " past the end");
        return in.readNBytes(n);
    }
}
