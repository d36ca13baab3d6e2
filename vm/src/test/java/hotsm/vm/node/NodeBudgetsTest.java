package hotsm.vm.node;

import static hotsm.vm.node.CounterArtifacts.*;
import static org.junit.jupiter.api.Assertions.*;

import hotsm.vm.bytecode.Artifact;
import hotsm.vm.bytecode.Code;
import hotsm.vm.bytecode.Identities;
import hotsm.vm.bytecode.Identity;
import hotsm.vm.bytecode.Instruction.Cons;
import hotsm.vm.bytecode.Instruction.Get;
import hotsm.vm.bytecode.Instruction.Prim;
import hotsm.vm.bytecode.Instruction.Push;
import hotsm.vm.bytecode.Instruction.Put;
import hotsm.vm.bytecode.PrimOp;
import hotsm.vm.bytecode.UpgradeSection;
import hotsm.vm.types.TypeDesc;
import hotsm.vm.value.Value;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** Issue 10's attacks on the node itself: a growing state, stopping, upgrade loops, unbounded history. */
class NodeBudgetsTest {

    /** A legal machine: every step doubles its String state, well within fuel. */
    static Artifact doubler() {
        return new Artifact("Doubler.grow", TypeDesc.UNIT, TypeDesc.UNIT, TypeDesc.STR, Value.of("ab"),
                Code.of(new Get(), new Push(), new Cons(), new Prim(PrimOp.CONCAT), new Put()), List.of(), List.of());
    }

    private static Refusal refusal(CompletableFuture<?> f) {
        CompletionException e = assertThrows(CompletionException.class, f::join);
        return assertInstanceOf(Refusal.class, e.getCause());
    }

    @Test
    void aStateThatOutgrowsTheBudgetFailsTheStepAndKeepsTheState() {
        NodeOptions options = NodeOptions.defaults().withLimits(new NodeLimits(1024, 10, 10));
        try (Node node = Node.start(doubler(), options)) {
            int ok = 0;
            Refusal r = null;
            for (int i = 0; i < 20 && r == null; i++) {
                try {
                    node.step(Value.UNIT).join();
                    ok++;
                } catch (CompletionException e) {
                    r = (Refusal) e.getCause();
                }
            }
            assertNotNull(r, "the state never hit the budget");
            assertEquals(Refusal.Reason.STEP_FAILED, r.reason());
            assertTrue(r.getMessage().contains("value size budget of 1024 bytes"), r.getMessage());
            String kept = ((Value.Str) node.state().join().value()).value();
            assertEquals(2 << ok, kept.length());   // the last good state, intact
            refusal(node.step(Value.UNIT));          // and it keeps refusing rather than growing
        }
    }

    @Test
    void stoppingAnswersQueuedCommandsAndFinishesOnlyTheRunningOne() throws Exception {
        HoldingLog log = HoldingLog.atFirstCommand();
        NodeOptions options = NodeOptions.defaults().withLog(log);
        Node node = Node.start(counter1(), options);
        CompletableFuture<StepResult> first = node.step(INCR);
        log.awaitHeld();
        List<CompletableFuture<StepResult>> queued = new ArrayList<>();
        for (int i = 0; i < 100; i++) queued.add(node.step(INCR));
        Thread stopper = new Thread(() -> node.stop(Duration.ofSeconds(30)));
        stopper.start();
        for (CompletableFuture<StepResult> q : queued) {
            Refusal r = refusal(q);
            assertEquals(Refusal.Reason.STOPPED, r.reason());
            assertEquals("The node is stopping.", r.getMessage());
        }
        log.release();
        stopper.join();
        assertEquals(OK, first.join().output());   // the running step finished
        assertEquals(Refusal.Reason.STOPPED, refusal(node.step(INCR)).reason());
    }

    /** Counter1 with an upgrade section from its own identity (what {@code upgrade counter -> counter} compiled to). */
    static Artifact counter1ToItself() {
        UpgradeSection self = new UpgradeSection(id1(), NAME1, INPUT, OUTPUT, TypeDesc.INT,
                Code.of(new Push(), new Cons(), new Prim(PrimOp.ADD)), Optional.empty(), Optional.empty());
        return new Artifact(NAME1, INPUT, OUTPUT, TypeDesc.INT, Value.of(0), STEP1, List.of(self), List.of());
    }

    @Test
    void anUpgradeFromAMachineToItselfIsRefused() {
        try (Node node = Node.start(counter1(), NodeOptions.defaults())) {
            node.step(INCR).join();
            Refusal r = refusal(node.upgrade(counter1ToItself()));
            assertEquals(Refusal.Reason.UPGRADE_REFUSED, r.reason());
            assertTrue(r.getMessage().contains("to itself"), r.getMessage());
            assertEquals(Value.of(1), node.state().join().value());
        }
    }

    @Test
    void historyAndArtifactsAreBoundedAndTheCompactedCountIsReported() {
        try (Node node = Node.start(counter1(), NodeOptions.defaults().withLimits(new NodeLimits(1 << 20, 3, 2)))) {
            for (int i = 0; i < 5; i++) {
                node.upgrade(counter2()).join();
                node.downgrade().join();
            }
            NodeInfo info = node.info().join();
            assertEquals(3, info.history().size());
            assertEquals(8, info.omitted());   // 11 versions in all
            NodeSnapshot s = node.snapshot().join();
            assertTrue(s.known().size() <= 2);
            assertTrue(s.known().containsKey(s.identity()));
            assertEquals(1, info.newest(1).history().size());
            assertEquals(10, info.newest(1).omitted());
        }
    }

    @Test
    void aNewerArtifactForAKnownIdentityReplacesTheOlderOnesSections() {
        Artifact stale = counter2();                                              // n -> (n, n)
        Artifact fixed = counter2(Code.of(new Push(), new Cons(), new Prim(PrimOp.ADD), new Push(), new Cons()));
        Identity id2 = Identities.of(fixed);
        assertEquals(Identities.of(stale), id2);   // same machine, a re-released migration
        try (Node node = Node.start(counter1(), NodeOptions.defaults())) {
            node.step(INCR).join();
            node.upgrade(stale).join();
            node.downgrade().join();
            node.upgrade(fixed).join();
            assertSame(fixed, node.snapshot().join().known().get(id2));
            assertEquals(Value.pair(Value.of(2), Value.of(2)), node.state().join().value());
        }
    }
}
