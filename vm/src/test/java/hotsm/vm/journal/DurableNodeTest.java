package hotsm.vm.journal;

import static hotsm.vm.node.CounterArtifacts.*;
import static org.junit.jupiter.api.Assertions.*;

import hotsm.vm.node.ExerciseScript;
import hotsm.vm.node.Node;
import hotsm.vm.node.NodeInfo;
import hotsm.vm.node.NodeOptions;
import hotsm.vm.node.Refusal;
import hotsm.vm.node.SnapshotWritten;
import hotsm.vm.value.Value;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A node in a data directory comes back as it was: machine, state, version and history, times included. */
class DurableNodeTest {
    @TempDir Path dir;

    @Test
    void aNodeResumesWithItsStateVersionAndHistory() throws Exception {
        NodeInfo before;
        Value state;
        try (DurableNode d = Durable.open(dir, counter1(), Durable.QUICK)) {
            assertTrue(d.opened().fresh());
            before = ExerciseScript.run(d.node());
            state = d.node().state().join().value();
            assertEquals(8, d.journal().appended());
        }
        try (DurableNode d = Durable.open(dir, null, Durable.QUICK)) {
            assertFalse(d.opened().fresh());
            assertEquals(0, d.opened().position());
            assertEquals(8, d.opened().replayed());
            assertEquals(before, d.node().info().join());   // times too: replay used the journaled ones
            assertEquals(state, d.node().state().join().value());
            assertEquals(Value.pair(Value.of(4), Value.FALSE), state);
            assertTrue(d.describe(dir).get(0).startsWith("resumed Counter3.counter " + id3().shortHex() + " from "),
                    d.describe(dir).toString());
        }
    }

    @Test
    void theStartingFileMayBeAnyVersionTheNodeHasRunButNotAnother() throws Exception {
        try (DurableNode d = Durable.open(dir, counter1(), Durable.QUICK)) {
            d.node().upgrade(counter2()).join();
        }
        try (DurableNode d = Durable.open(dir, counter1(), Durable.QUICK)) {
            assertEquals(id2(), d.node().info().join().identity());
        }
        JournalException e = assertThrows(JournalException.class, () -> Durable.open(dir, counter3(false),
                Durable.QUICK));
        assertTrue(e.getMessage().contains("holds a node running Counter2.counter " + id2().shortHex()), e.getMessage());
        assertTrue(e.getMessage().contains("not Counter3.counter"), e.getMessage());
        // The refused open released the directory.
        try (DurableNode d = Durable.open(dir, null, Durable.QUICK)) {
            assertEquals(id2(), d.node().info().join().identity());
        }
    }

    @Test
    void aFreshNodeMayStartFromAGivenStateOnlyOnce() throws Exception {
        try (DurableNode d = DurableNode.open(dir, counter1(), Value.of(41), Durable.QUICK, NodeOptions.defaults(),
                f -> { })) {
            d.node().step(INCR).join();
        }
        try (DurableNode d = Durable.open(dir, null, Durable.QUICK)) {
            assertEquals(total(42), d.node().step(COUNT).join().output());
        }
        assertThrows(JournalException.class, () -> DurableNode.open(dir, counter1(), Value.of(1), Durable.QUICK,
                NodeOptions.defaults(), f -> { }));
    }

    @Test
    void replayedCommandsAreNotTracedAgain() throws Exception {
        try (DurableNode d = Durable.open(dir, counter1(), Durable.QUICK)) {
            for (int i = 0; i < 3; i++) d.node().step(INCR).join();
        }
        java.util.concurrent.atomic.AtomicInteger heard = new java.util.concurrent.atomic.AtomicInteger();
        hotsm.vm.node.NodeListener counting = new hotsm.vm.node.NodeListener() {
            @Override public void stepped(hotsm.vm.types.TypeDesc o, Value out, hotsm.vm.types.TypeDesc s, Value st) {
                heard.incrementAndGet();
            }
        };
        try (DurableNode d = DurableNode.open(dir, null, null, Durable.QUICK,
                NodeOptions.defaults().withListener(counting), f -> { })) {
            assertEquals(3, d.opened().replayed());
            d.node().step(INCR).join();
            assertEquals(1, heard.get());
        }
    }

    @Test
    void anEmptyDirectoryNeedsAMachine() {
        JournalException e = assertThrows(JournalException.class, () -> Durable.open(dir, null, Durable.QUICK));
        assertTrue(e.getMessage().contains("holds no node yet"), e.getMessage());
    }

    @Test
    void aSecondNodeOnTheSameDirectoryIsRefused() throws Exception {
        try (DurableNode d = Durable.open(dir, counter1(), Durable.QUICK)) {
            JournalException e = assertThrows(JournalException.class, () -> Durable.open(dir, null, Durable.QUICK));
            assertTrue(e.getMessage().contains("another node is running on " + dir), e.getMessage());
            assertTrue(e.getMessage().contains("process " + ProcessHandle.current().pid()), e.getMessage());
        }
    }

    @Test
    void snapshotsEveryNRecordsDropOldSegmentsAndShortenReplay() throws Exception {
        JournalOptions options = Durable.QUICK.withSnapshotEvery(10).withSegmentBytes(200);
        try (DurableNode d = Durable.open(dir, counter1(), options)) {
            for (int i = 0; i < 95; i++) d.node().step(INCR).join();
        }
        DataDir data = new DataDir(dir);
        assertEquals(List.of(80L, 90L), data.snapshots().stream().map(DataDir.Numbered::number).toList());
        assertTrue(data.segments().get(0).number() <= 80 && data.segments().get(0).number() > 0,
                data.segments().toString());
        try (DurableNode d = Durable.open(dir, null, options)) {
            assertEquals(90, d.opened().position());
            assertEquals(5, d.opened().replayed());
            assertEquals(total(95), d.node().step(COUNT).join().output());
        }
    }

    @Test
    void aSnapshotOnDemandCoversEverythingAcknowledged() throws Exception {
        SnapshotWritten w;
        try (DurableNode d = Durable.open(dir, counter1(), Durable.QUICK)) {
            for (int i = 0; i < 3; i++) d.node().step(INCR).join();
            d.node().upgrade(counter2()).join();
            w = d.node().writeSnapshot().join();
            assertEquals(4, w.position());
            assertTrue(Files.exists(Path.of(w.file())));
        }
        try (DurableNode d = Durable.open(dir, null, Durable.QUICK)) {
            assertEquals(4, d.opened().position());
            assertEquals(0, d.opened().replayed());
            assertEquals(id2(), d.node().info().join().identity());
            // Counter1's artifact came from the directory, so the downgrade returns to the full artifact.
            d.node().downgrade().join();
            d.node().upgrade(counter2()).join();
        }
    }

    @Test
    void anInMemoryNodeHasNoSnapshotToWrite() {
        try (Node node = Node.start(counter1(), NodeOptions.defaults())) {
            CompletionException e = assertThrows(CompletionException.class, () -> node.writeSnapshot().join());
            assertEquals(Refusal.Reason.NOT_DURABLE, ((Refusal) e.getCause()).reason());
        }
    }

    @Test
    void recordsArrivingDuringAForceShareIt() throws Exception {
        // A disk whose fsync takes a while (tmpfs would make it free and the test meaningless).
        Failpoints slowDisk = (point, kind) -> {
            if (point == Failpoints.Point.FORCE) {
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        try (DurableNode d = Durable.open(dir, counter1(), Durable.QUICK.withFsync(Fsync.ALWAYS)
                .withFailpoints(slowDisk))) {
            List<CompletableFuture<?>> replies = new ArrayList<>();
            for (int i = 0; i < 1000; i++) replies.add(d.node().step(INCR));
            for (CompletableFuture<?> r : replies) r.join();
            assertEquals(1000, d.journal().appended());
            assertTrue(d.journal().forces() < 500, "forces: " + d.journal().forces());
        }
    }

    @Test
    void everyFsyncModeKeepsWhatAFreshOpenReads() throws Exception {
        for (Fsync mode : List.of(Fsync.ALWAYS, Fsync.batch(5), Fsync.NEVER)) {
            Path d = dir.resolve(mode.toString().replace(' ', '-'));
            try (DurableNode n = Durable.open(d, counter1(), Durable.QUICK.withFsync(mode))) {
                for (int i = 0; i < 20; i++) n.node().step(INCR).join();
            }
            try (DurableNode n = Durable.open(d, null, Durable.QUICK.withFsync(mode))) {
                assertEquals(total(20), n.node().step(COUNT).join().output(), mode.toString());
            }
        }
    }
}
