package hotsm.vm.journal;

import static hotsm.vm.node.CounterArtifacts.*;
import static org.junit.jupiter.api.Assertions.*;

import hotsm.vm.bytecode.Artifact;
import hotsm.vm.bytecode.ArtifactCodec;
import hotsm.vm.node.Command;
import hotsm.vm.node.Node;
import hotsm.vm.node.NodeOptions;
import hotsm.vm.node.NodeSnapshot;
import hotsm.vm.value.Value;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The two public codecs, which replication reuses: what they write reads back the same, and damage is named. */
class CodecTest {
    private static final Instant T = Instant.parse("2026-11-30T12:00:00.123Z");

    @Test
    void commandsRoundTrip() {
        Command.Step plain = new Command.Step(Value.pair(Value.of(-7), Value.of("é\n")), Optional.empty());
        Command.Step as = new Command.Step(INCR, Optional.of(id1()));
        for (Command.Step s : new Command.Step[] {plain, as}) {
            CommandCodec.Entry e = CommandCodec.decode(CommandCodec.encode(s, null));
            assertEquals(s, e.command());
            assertNull(e.time());
        }
        byte[] cam = ArtifactCodec.encode(counter2());
        CommandCodec.Entry up = CommandCodec.decode(CommandCodec.encode(new Command.Upgrade(counter2()), T));
        assertArrayEquals(cam, ((Command.UpgradeFromBytes) up.command()).artifact());
        assertEquals(T, up.time());
        CommandCodec.Entry down = CommandCodec.decode(CommandCodec.encode(new Command.Downgrade(), T));
        assertEquals(new Command.Downgrade(), down.command());
        assertEquals(T, down.time());
    }

    @Test
    void readsAreNotRecords() {
        assertThrows(IllegalArgumentException.class, () -> CommandCodec.encode(new Command.ReadState(), T));
    }

    @Test
    void damagedPayloadsAreNamed() {
        assertTrue(assertThrows(JournalException.class, () -> CommandCodec.decode(new byte[] {9}))
                .getMessage().contains("unknown record kind 9"));
        assertTrue(assertThrows(JournalException.class, () -> CommandCodec.decode(new byte[] {3, 0, 0}))
                .getMessage().contains("downgrade record of 3 bytes"));
        assertTrue(assertThrows(JournalException.class, () -> CommandCodec.decode(new byte[] {1, 0, 7}))
                .getMessage().contains("step record"));
    }

    private static NodeSnapshot someSnapshot() {
        try (Node node = Node.start(counter1(), NodeOptions.defaults())) {
            node.step(INCR).join();
            node.upgrade(counter2()).join();
            node.step(INCR).join();
            return node.snapshot().join();
        }
    }

    @Test
    void snapshotsRoundTrip() {
        NodeSnapshot s = someSnapshot();
        Map<ArtifactHash, Artifact> stored = new HashMap<>();
        byte[] bytes = SnapshotCodec.encode(s, 42, a -> {
            ArtifactHash h = ArtifactHash.of(ArtifactCodec.encode(a));
            stored.put(h, a);
            return h;
        });
        assertEquals(42, SnapshotCodec.position(bytes));
        SnapshotCodec.Image image = SnapshotCodec.decode(bytes, stored::get);
        assertEquals(42, image.position());
        assertEquals(s.identity(), image.snapshot().identity());
        assertEquals(s.state(), image.snapshot().state());
        assertEquals(s.history(), image.snapshot().history());
        assertEquals(s.known().keySet(), image.snapshot().known().keySet());
        assertEquals(2, stored.size());
    }

    @Test
    void damagedSnapshotsAreRefused() {
        NodeSnapshot s = someSnapshot();
        byte[] bytes = SnapshotCodec.encode(s, 1, a -> ArtifactHash.of(ArtifactCodec.encode(a)));
        byte[] truncated = java.util.Arrays.copyOf(bytes, bytes.length - 10);
        assertTrue(assertThrows(JournalException.class, () -> SnapshotCodec.position(truncated)).getMessage()
                .contains("truncated"));
        byte[] flipped = bytes.clone();
        flipped[bytes.length / 2] ^= 0x10;
        assertTrue(assertThrows(JournalException.class, () -> SnapshotCodec.position(flipped)).getMessage()
                .contains("checksum mismatch"));
    }
}
