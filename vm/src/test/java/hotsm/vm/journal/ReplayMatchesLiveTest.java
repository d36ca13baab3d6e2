package hotsm.vm.journal;

import static hotsm.vm.node.CounterArtifacts.*;
import static org.junit.jupiter.api.Assertions.*;

import hotsm.vm.node.CommandLog;
import hotsm.vm.node.Node;
import hotsm.vm.node.NodeListener;
import hotsm.vm.node.NodeOptions;
import hotsm.vm.value.Value;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random runs of steps (some refused), upgrades (some refused) and
 * downgrades, with the durable node closed and reopened at random points and
 * random segment sizes, snapshot intervals and fsync modes: it always agrees
 * with an in-memory node given the same commands (state, version, history
 * with times).
 */
class ReplayMatchesLiveTest {
    @TempDir Path tmp;

    private static final List<Function<Node, CompletableFuture<?>>> COMMANDS = List.of(
            n -> n.step(INCR), n -> n.step(INCR), n -> n.step(COUNT), n -> n.step(Value.of(7)),
            n -> n.step(INCR, id1()),
            n -> n.upgrade(counter2()), n -> n.upgrade(counter3(true)), n -> n.upgrade(counter2FailingMigration()),
            Node::downgrade);

    private static NodeOptions options(Clock clock) {
        return new NodeOptions(NodeOptions.DEFAULT_FUEL, CommandLog.NONE, NodeListener.NONE, clock);
    }

    @Test
    void aReopenedNodeAgreesWithOneThatNeverStopped() throws Exception {
        for (int seed = 0; seed < 10; seed++) {
            Random r = new Random(seed);
            Fsync fsync = List.of(Fsync.ALWAYS, Fsync.batch(1 + r.nextInt(5)), Fsync.NEVER).get(r.nextInt(3));
            JournalOptions o = new JournalOptions(fsync, 60 + r.nextInt(2000), 1 + r.nextInt(15), Failpoints.NONE);
            Path dir = tmp.resolve("run" + seed);
            Clock durableClock = Durable.tickingClock();
            try (Node reference = Node.start(counter1(), options(Durable.tickingClock()))) {
                DurableNode d = DurableNode.open(dir, counter1(), null, o, options(durableClock), f -> { });
                try {
                    for (int i = 0; i < 40; i++) {
                        var command = COMMANDS.get(r.nextInt(COMMANDS.size()));
                        Object expected = command.apply(reference).handle((ok, e) -> e == null ? ok : e.getMessage())
                                .join();
                        Object got = command.apply(d.node()).handle((ok, e) -> e == null ? ok : e.getMessage()).join();
                        assertEquals(String.valueOf(expected), String.valueOf(got), "seed " + seed + " command " + i);
                        if (r.nextInt(8) == 0) {
                            d.close();
                            d = DurableNode.open(dir, null, null, o, options(durableClock), f -> { });
                        }
                    }
                    assertEquals(reference.info().join(), d.node().info().join(), "seed " + seed);
                    assertEquals(reference.state().join(), d.node().state().join(), "seed " + seed);
                } finally {
                    d.close();
                }
            }
        }
    }
}
