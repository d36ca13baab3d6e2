package hotsm.vm.node;

import static hotsm.vm.node.CounterArtifacts.*;
import static org.junit.jupiter.api.Assertions.*;

import hotsm.vm.bytecode.Identities;
import hotsm.vm.bytecode.Identity;
import hotsm.vm.testing.SampleArtifacts;
import hotsm.vm.value.Value;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A step asked by a server's I/O thread ({@link Node#serveStep}): run on that thread when the node is
 * idle and the step ends within {@link Node#INLINE_FUEL}, else on the machine thread, so a long step
 * never holds an I/O thread; either way with the same result, the node's whole fuel, and once.
 */
class ServedStepTest {

    private Node node;

    @AfterEach
    void stop() {
        if (node != null) node.close();
    }

    private static Refusal refusal(CompletableFuture<?> f) {
        CompletionException e = assertThrows(CompletionException.class, f::join);
        return assertInstanceOf(Refusal.class, e.getCause());
    }

    private static boolean onMachineThread(Thread t) {
        return t.getName().startsWith("hotsm-machine-");
    }

    @Test
    void aShortStepOnAnIdleNodeRunsOnTheAskingThread() {
        node = Node.start(counter1(), NodeOptions.defaults());
        CompletableFuture<StepResult> incr = node.serveStep(INCR, id1());
        assertTrue(incr.isDone(), "answered before serveStep returned");
        assertEquals(OK, incr.join().output());
        assertSame(Thread.currentThread(), node.lastRanOn());
        assertEquals(total(1), node.serveStep(COUNT, null).join().output());
        assertEquals(total(2), node.step(INCR).thenCompose(r -> node.step(COUNT)).join().output());
    }

    /** Echo counts the characters it has seen: a string costs at least its length (counted, then copied). */
    @Test
    void aStepOverTheInlineFuelRunsOnceOnTheMachineThreadWithTheNodesFuel() {
        Identity echo = Identities.of(SampleArtifacts.echo());
        node = Node.start(SampleArtifacts.echo(), NodeOptions.defaults().withFuel(10 * Node.INLINE_FUEL));
        String longer = "a".repeat((int) (3 * Node.INLINE_FUEL / 2));
        StepResult r = node.serveStep(Value.of(longer), echo).join();
        assertEquals(Value.of(longer + longer.length()), r.output(), "counted once: the trial changed nothing");
        assertTrue(onMachineThread(node.lastRanOn()), node.lastRanOn().getName());
        assertEquals(Value.of(longer.length()), node.state().join().value());

        // Over the node's own limit: refused as a queued step is, naming that limit, and nothing changes.
        String tooLong = "a".repeat((int) (6 * Node.INLINE_FUEL));   // its length, and its copy
        Refusal served = refusal(node.serveStep(Value.of(tooLong), echo));
        assertEquals(Refusal.Reason.STEP_FAILED, served.reason());
        assertEquals(refusal(node.step(Value.of(tooLong))).getMessage(), served.getMessage());
        assertTrue(served.getMessage().contains("step limit of " + 10 * Node.INLINE_FUEL + " instructions"),
                served.getMessage());
        assertEquals(Value.of(longer.length()), node.state().join().value());

        assertEquals(Value.of("b" + (longer.length() + 1)), node.serveStep(Value.of("b"), echo).join().output());
    }

    @Test
    void aNodeWhoseLimitIsBelowTheInlineFuelRefusesOnTheAskingThread() {
        node = Node.resume(NodeSnapshot.started(SampleArtifacts.echo(), Identities.of(SampleArtifacts.echo()),
                Value.of(7), java.time.Instant.EPOCH), NodeOptions.defaults().withFuel(5));
        Refusal r = refusal(node.serveStep(Value.of("abc"), null));
        assertEquals("The step failed: step limit of 5 instructions exceeded. The state is unchanged.", r.getMessage());
        assertSame(Thread.currentThread(), node.lastRanOn());
        assertEquals(Value.of(7), node.state().join().value());
    }

    @Test
    void aNodeWithAJournalOrAListenerRunsServedStepsOnTheMachineThread() {
        node = Node.start(counter1(), NodeOptions.defaults().withLog(command -> { }));
        assertEquals(OK, node.serveStep(INCR, null).join().output());
        assertTrue(onMachineThread(node.lastRanOn()), node.lastRanOn().getName());
        node.close();
        node = Node.start(counter1(), NodeOptions.defaults().withListener(new NodeListener() { }));
        assertEquals(OK, node.serveStep(INCR, null).join().output());
        assertTrue(onMachineThread(node.lastRanOn()), node.lastRanOn().getName());
    }

    @Test
    void aStoppedNodeRefusesServedSteps() {
        node = Node.start(counter1(), NodeOptions.defaults());
        node.close();
        assertEquals("The node has stopped.", refusal(node.serveStep(INCR, null)).getMessage());
    }
}
