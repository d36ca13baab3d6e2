package hotsm.vm.node;

import static hotsm.vm.node.CounterArtifacts.*;
import static org.junit.jupiter.api.Assertions.*;

import hotsm.vm.value.Value;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The seams for journaling and snapshots: commands recorded by a
 * {@link CommandLog}, replayed on a fresh node from the same artifact, rebuild
 * the same node; a {@link NodeSnapshot} resumes where it was taken.
 */
class JournalAndSnapshotTest {

    private static Version.Arrival[] arrivals(NodeInfo info) {
        return info.history().stream().map(Version::arrival).toArray(Version.Arrival[]::new);
    }

    @Test
    void replayingTheJournalRebuildsTheNode() throws Exception {
        List<Command> journal = new CopyOnWriteArrayList<>();
        NodeInfo before;
        Value stateBefore;
        try (Node node = Node.start(counter1(), NodeOptions.defaults().withLog(c -> {
            if (c.changesNode()) journal.add(c);
        }))) {
            before = ExerciseScript.run(node);
            stateBefore = node.state().join().value();
        }
        assertEquals(10, journal.size());
        try (Node replica = Node.start(counter1(), NodeOptions.defaults())) {
            CompletableFuture<?> last = null;
            for (Command c : journal) last = replica.submit(c).exceptionally(e -> null);
            last.join();
            NodeInfo after = replica.info().join();
            assertEquals(before.identity(), after.identity());
            assertArrayEquals(arrivals(before), arrivals(after));
            assertEquals(stateBefore, replica.state().join().value());
            assertEquals(Value.pair(Value.of(4), Value.FALSE), stateBefore);
        }
    }

    @Test
    void aSnapshotResumesWhereItWasTaken() throws Exception {
        NodeSnapshot snapshot;
        try (Node node = Node.start(counter1(), NodeOptions.defaults())) {
            node.step(INCR).join();
            node.upgrade(counter2()).join();
            node.step(INCR).join();
            snapshot = node.snapshot().join();
        }
        assertEquals(id2(), snapshot.identity());
        try (Node resumed = Node.resume(snapshot, NodeOptions.defaults())) {
            assertEquals(total(2), resumed.step(COUNT).join().output());
            assertEquals(2, resumed.info().join().history().size());
            // It still knows Counter1's full artifact: the downgrade returns to it and Counter2 applies again.
            assertEquals(VersionChange.DOWNGRADE_SUCCESSFUL, resumed.downgrade().join().message());
            assertEquals(VersionChange.UPGRADE_SUCCESSFUL, resumed.upgrade(counter2()).join().message());
        }
    }
}
