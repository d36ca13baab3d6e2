package hotsm.vm.node;

import static hotsm.vm.node.CounterArtifacts.*;
import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/**
 * Issue 10: {@code --stop-timeout} exceeded. A step still running when the
 * bound is up is abandoned: {@link Node#stop} returns (false) rather than wait
 * for it, and the requests queued behind it were answered "The node is
 * stopping." at once.
 */
class StopBoundTest {

    @Test
    void aStepStillRunningAfterTheBoundIsAbandoned() throws Exception {
        HoldingLog log = HoldingLog.atFirstStep();
        Node node = Node.start(counter1(), NodeOptions.defaults().withLog(log));
        try {
            CompletableFuture<StepResult> first = node.step(INCR);
            log.awaitHeld();
            CompletableFuture<StepResult> queued = node.step(INCR);
            assertFalse(node.stop(Duration.ofMillis(100)), "the running step outlived the bound");
            CompletionException e = assertThrows(CompletionException.class, queued::join);
            Refusal r = assertInstanceOf(Refusal.class, e.getCause());
            assertEquals(Refusal.Reason.STOPPED, r.reason());
            assertEquals("The node is stopping.", r.getMessage());
            assertFalse(first.isDone(), "abandoned, not waited for");
        } finally {
            log.release();
        }
    }
}
