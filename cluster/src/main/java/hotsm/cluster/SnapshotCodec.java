package hotsm.cluster;

import hotsm.vm.bytecode.Artifact;
import hotsm.vm.bytecode.ArtifactCodec;
import hotsm.vm.journal.ArtifactHash;
import hotsm.vm.journal.JournalException;
import hotsm.vm.node.NodeSnapshot;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * A member's snapshot file: the durable node's snapshot ({@link
 * hotsm.vm.journal.SnapshotCodec}, docs/durability.md) with the Raft log
 * index it covers as its position, followed by the artifacts it names, so
 * the one file Ratis ships to a member too far behind stands alone.
 *
 * <pre>
 * "HSMC" | u32 format 1 | u32 L | L bytes: the durable snapshot
 *        | u32 n | n x (u32 length | .cam bytes) | u32 CRC-32C of everything before it
 * </pre>
 */
public final class SnapshotCodec {
    private SnapshotCodec() {}

    private static final byte[] MAGIC = "HSMC".getBytes(StandardCharsets.US_ASCII);
    private static final int FORMAT = 1;

    /** @param index the last log index the snapshot includes */
    public static byte[] encode(NodeSnapshot s, long index) {
        Map<ArtifactHash, byte[]> artifacts = new LinkedHashMap<>();
        byte[] core = hotsm.vm.journal.SnapshotCodec.encode(s, index, a -> {
            byte[] cam = ArtifactCodec.encode(a);
            ArtifactHash h = ArtifactHash.of(cam);
            artifacts.putIfAbsent(h, cam);
            return h;
        });
        int size = 4 + 4 + 4 + core.length + 4 + 4;
        for (byte[] cam : artifacts.values()) size += 4 + cam.length;
        ByteBuffer b = ByteBuffer.allocate(size);
        b.put(MAGIC).putInt(FORMAT).putInt(core.length).put(core).putInt(artifacts.size());
        for (byte[] cam : artifacts.values()) b.putInt(cam.length).put(cam);
        CRC32C crc = new CRC32C();
        crc.update(b.array(), 0, size - 4);
        b.putInt((int) crc.getValue());
        return b.array();
    }

    /** @throws IllegalArgumentException naming what is wrong, if the bytes are not a whole snapshot */
    public static hotsm.vm.journal.SnapshotCodec.Image decode(byte[] bytes) {
        if (bytes.length < 20) throw new IllegalArgumentException("a snapshot of " + bytes.length + " bytes");
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length - 4);
        if (ByteBuffer.wrap(bytes, bytes.length - 4, 4).getInt() != (int) crc.getValue()) {
            throw new IllegalArgumentException("the snapshot's checksum does not match");
        }
        if (!Arrays.equals(Arrays.copyOf(bytes, 4), MAGIC)) {
            throw new IllegalArgumentException("not a hotsm member snapshot (bad magic)");
        }
        ByteBuffer b = ByteBuffer.wrap(bytes, 4, bytes.length - 8);
        int format = b.getInt();
        if (format != FORMAT) {
            throw new IllegalArgumentException("snapshot format " + format + ", this build reads " + FORMAT);
        }
        try {
            byte[] core = new byte[b.getInt()];
            b.get(core);
            Map<ArtifactHash, Artifact> artifacts = new LinkedHashMap<>();
            for (int n = b.getInt(), i = 0; i < n; i++) {
                byte[] cam = new byte[b.getInt()];
                b.get(cam);
                artifacts.put(ArtifactHash.of(cam), ArtifactCodec.decode(cam));
            }
            return hotsm.vm.journal.SnapshotCodec.decode(core, h -> {
                Artifact a = artifacts.get(h);
                if (a == null) throw new JournalException("the snapshot names artifact " + h + " but does not hold it");
                return a;
            });
        } catch (RuntimeException e) {   // JournalException, BufferUnderflow, a bad artifact
            throw new IllegalArgumentException("an unreadable snapshot: " + e.getMessage(), e);
        }
    }
}
