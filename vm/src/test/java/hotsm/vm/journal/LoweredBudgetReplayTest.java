package hotsm.vm.journal;

import static org.junit.jupiter.api.Assertions.*;

import hotsm.vm.bytecode.Artifact;
import hotsm.vm.bytecode.Code;
import hotsm.vm.bytecode.Instruction.Cons;
import hotsm.vm.bytecode.Instruction.Get;
import hotsm.vm.bytecode.Instruction.Prim;
import hotsm.vm.bytecode.Instruction.Push;
import hotsm.vm.bytecode.Instruction.Put;
import hotsm.vm.bytecode.PrimOp;
import hotsm.vm.node.NodeLimits;
import hotsm.vm.node.NodeOptions;
import hotsm.vm.node.Refusal;
import hotsm.vm.types.TypeDesc;
import hotsm.vm.value.Value;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10 and 9: a node restarted with a lower {@code --max-value} than the
 * one that journaled its records replays them all (they were within the
 * budget then; the node is never locked out of its own history), and the
 * lower budget holds for new steps.
 */
class LoweredBudgetReplayTest {
    @TempDir Path dir;

    /** Every step doubles its String state. */
    private static Artifact doubler() {
        return new Artifact("Doubler.grow", TypeDesc.UNIT, TypeDesc.UNIT, TypeDesc.STR, Value.of("ab"),
                Code.of(new Get(), new Push(), new Cons(), new Prim(PrimOp.CONCAT), new Put()), List.of(), List.of());
    }

    private static NodeOptions budget(long bytes) {
        return NodeOptions.defaults().withLimits(new NodeLimits(bytes, NodeLimits.DEFAULT_MAX_HISTORY,
                NodeLimits.DEFAULT_MAX_ARTIFACTS));
    }

    private static int length(DurableNode d) {
        return ((Value.Str) d.node().state().join().value()).value().length();
    }

    @Test
    void recordsJournaledUnderAHigherBudgetReplayAndNewStepsMeetTheLowerOne() throws Exception {
        try (DurableNode d = DurableNode.open(dir, doubler(), null, Durable.QUICK, budget(1 << 20), why -> { })) {
            for (int i = 0; i < 8; i++) d.node().step(Value.UNIT).join();
            assertEquals(2 << 8, length(d));
        }
        try (DurableNode d = DurableNode.open(dir, null, null, Durable.QUICK, budget(64), why -> { })) {
            assertEquals(8, d.opened().replayed());
            assertEquals(2 << 8, length(d), "every record replayed, the state as it was");
            CompletionException e = assertThrows(CompletionException.class, () -> d.node().step(Value.UNIT).join());
            Refusal r = assertInstanceOf(Refusal.class, e.getCause());
            assertEquals(Refusal.Reason.STEP_FAILED, r.reason());
            assertTrue(r.getMessage().contains("value size budget of 64 bytes (--max-value)"), r.getMessage());
            assertEquals(2 << 8, length(d), "the state is kept");
        }
        try (DurableNode d = DurableNode.open(dir, null, null, Durable.QUICK, budget(1 << 20), why -> { })) {
            d.node().step(Value.UNIT).join();
            assertEquals(2 << 9, length(d), "the refused step left no record; raised again, steps go on");
        }
    }
}
