package hotsm.vm.node;

import static hotsm.vm.node.CounterArtifacts.*;
import static org.junit.jupiter.api.Assertions.*;

import hotsm.vm.value.Value;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/**
 * A node keeps its state between steps in the step code's resident form (an
 * Int as a long: {@link hotsm.vm.jit.ResidentState}) and builds it only when
 * asked: a step its log refuses after it ran leaves the state exactly as
 * before, the snapshot a log is given holds the step's new state, and the
 * state is right across upgrades and downgrades (Counter1's Int, Counter2's
 * pair of Ints) and past the small-Int cache.
 */
class ResidentStateOnANodeTest {

    /** A log that refuses every step while {@code refusing}, and records the snapshots it is given. */
    private static final class RefusingLog implements CommandLog {
        volatile boolean refusing;
        final List<Value> states = new ArrayList<>();

        @Override public void append(Command command) { }

        @Override public void commit(Command command, Instant time, NodeSnapshot next, Runnable swap) {
            if (refusing && command instanceof Command.Step) {
                throw new Refusal(Refusal.Reason.STEP_FAILED, "the journal is full");
            }
            if (command instanceof Command.Step) states.add(next.state());
            swap.run();
        }
    }

    @Test
    void aStepRefusedAfterItRanLeavesTheStateAsItWas() {
        RefusingLog log = new RefusingLog();
        try (Node node = Node.start(counter1(), NodeOptions.defaults().withLog(log))) {
            for (int i = 0; i < 1030; i++) node.step(INCR).join();
            assertEquals(Value.of(1030), log.states.get(log.states.size() - 1));
            log.refusing = true;
            for (int i = 0; i < 3; i++) {
                CompletionException e = assertThrows(CompletionException.class, () -> node.step(INCR).join());
                assertEquals("the journal is full", e.getCause().getMessage());
            }
            assertEquals(Value.of(1030), node.state().join().value());
            log.refusing = false;
            node.step(INCR).join();
            assertEquals(total(1031), node.step(COUNT).join().output());
            assertEquals(Value.of(1031), node.snapshot().join().state());
        }
    }

    @Test
    void theStateIsRightAcrossUpgradesAndDowngrades() {
        try (Node node = Node.start(counter1(), NodeOptions.defaults())) {
            for (int i = 0; i < 2000; i++) node.step(INCR).join();
            node.upgrade(counter2()).join();
            assertEquals(Value.pair(Value.of(2000), Value.of(2000)), node.state().join().value());
            node.downgrade().join();
            node.step(INCR).join();
            assertEquals(Value.of(2001), node.state().join().value());
            assertEquals(total(2001), node.step(COUNT).join().output());
        }
    }
}
