package hotsm.vm.node;

import static hotsm.vm.node.CounterArtifacts.*;
import static org.junit.jupiter.api.Assertions.*;

import hotsm.vm.testing.SampleArtifacts;
import hotsm.vm.types.TypeDesc;
import hotsm.vm.value.Value;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The machine thread of a node without a journal sends a run of replies together ({@link HeldReplies}), and
 * a thread waiting for a reply in {@code join} or {@code get} is woken once for the run ({@link Reply}): the
 * replies still complete in the order the commands ran, none is lost, a waiter is never left asleep, and
 * waiting keeps {@link CompletableFuture}'s answer to an interrupt.
 */
class HeldRepliesTest {

    private Node node;

    @AfterEach
    void stop() {
        if (node != null) node.close();
    }

    @Test
    void repliesCompleteInTheOrderTheStepsRanAndEveryStepCounts() {
        node = Node.start(counter1(), NodeOptions.defaults());
        int n = 3 * HeldReplies.MAX + 7;
        List<Integer> completed = new ArrayList<>();   // appended by callbacks, one thread at a time
        List<CompletableFuture<StepResult>> steps = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = i;
            CompletableFuture<StepResult> f = node.step(INCR);
            f.thenRun(() -> {
                synchronized (completed) {
                    completed.add(k);
                }
            });
            steps.add(f);
        }
        assertEquals(total(n), node.step(COUNT).join().output());
        for (CompletableFuture<StepResult> f : steps) assertEquals(OK, f.join().output());
        synchronized (completed) {
            for (int i = 0; i < completed.size() - 1; i++) {
                assertTrue(completed.get(i) < completed.get(i + 1), "completed out of order at " + i);
            }
            assertEquals(n, completed.size());
        }
    }

    @Test
    void producersThatPipelineAndWaitForTheirOldestGetEveryReply() throws Exception {
        node = Node.start(counter1(), NodeOptions.defaults());
        int producers = 4;
        int each = 5_000;
        int window = 64;
        Throwable[] failed = new Throwable[1];
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            threads.add(new Thread(() -> {
                try {
                    ArrayDeque<CompletableFuture<StepResult>> inFlight = new ArrayDeque<>();
                    for (int i = 0; i < each; i++) {
                        if (inFlight.size() == window) assertEquals(OK, inFlight.poll().join().output());
                        inFlight.add(node.step(INCR));
                    }
                    // Half through get(), half through join(): both wait by Reply's means.
                    boolean viaGet = false;
                    while (!inFlight.isEmpty()) {
                        CompletableFuture<StepResult> f = inFlight.poll();
                        assertEquals(OK, (viaGet ? f.get() : f.join()).output());
                        viaGet = !viaGet;
                    }
                } catch (Throwable t) {
                    failed[0] = t;
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) t.join();
        if (failed[0] != null) throw new AssertionError(failed[0]);
        assertEquals(total((long) producers * each), node.step(COUNT).join().output());
    }

    /**
     * A step over {@link Node#INLINE_FUEL} queued behind a held reply: tried with that much (it fails and
     * changes nothing), the held reply sent, then run again with the node's whole fuel, so it counts once.
     */
    @Test
    void aLongStepBehindAHeldReplyRunsOnceWithTheNodesFuel() throws Exception {
        node = Node.start(SampleArtifacts.echo(), NodeOptions.defaults().withFuel(10 * Node.INLINE_FUEL));
        String longer = "a".repeat((int) (3 * Node.INLINE_FUEL / 2));
        List<CompletableFuture<StepResult>> steps = new ArrayList<>();
        // Queued by a task of the machine thread itself: both are in one run, the first one's reply held.
        CountDownLatch queued = new CountDownLatch(1);
        node.eventLoop().next().execute(() -> {
            steps.add(node.step(Value.of("b")));
            steps.add(node.step(Value.of(longer)));
            steps.add(node.step(Value.of("c")));
            queued.countDown();
        });
        queued.await();
        assertEquals(Value.of("b1"), steps.get(0).join().output());
        assertEquals(Value.of(longer + (longer.length() + 1)), steps.get(1).join().output());
        assertEquals(Value.of("c" + (longer.length() + 2)), steps.get(2).join().output());
        assertEquals(Value.of(longer.length() + 2), node.state().join().value());
    }

    /** A listener that holds the machine thread in the first step until released. */
    private static NodeListener holding(CountDownLatch entered, CountDownLatch release) {
        return new NodeListener() {
            @Override
            public void stepped(TypeDesc outputType, Value output, TypeDesc stateType, Value newState) {
                entered.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
    }

    @Test
    void anInterruptedGetThrowsAndAnInterruptedJoinWaitsKeepingTheInterrupt() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        node = Node.start(counter1(), NodeOptions.defaults().withListener(holding(entered, release)));
        CompletableFuture<StepResult> held = node.step(INCR);
        entered.await();

        Object[] got = new Object[2];
        Thread getter = new Thread(() -> {
            try {
                got[0] = held.get();
            } catch (InterruptedException e) {
                got[0] = e;
            } catch (ExecutionException e) {
                got[0] = e;
            }
        });
        getter.start();
        Thread joiner = new Thread(() -> {
            StepResult r = held.join();
            got[1] = Thread.currentThread().isInterrupted() ? r : "not interrupted";
        });
        joiner.start();
        while (getter.getState() != Thread.State.WAITING || joiner.getState() != Thread.State.WAITING) {
            Thread.onSpinWait();
        }
        getter.interrupt();
        getter.join(10_000);
        assertInstanceOf(InterruptedException.class, got[0]);
        joiner.interrupt();
        Thread.sleep(50);
        assertTrue(joiner.isAlive(), "join does not give up on an interrupt");
        release.countDown();
        joiner.join(10_000);
        assertFalse(joiner.isAlive());
        assertInstanceOf(StepResult.class, got[1], String.valueOf(got[1]));
        assertEquals(OK, ((StepResult) got[1]).output());
    }
}
