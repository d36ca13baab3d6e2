package hotsm.vm.protocol;

import static hotsm.vm.node.CounterArtifacts.*;
import static org.junit.jupiter.api.Assertions.*;

import hotsm.vm.node.Command;
import hotsm.vm.node.Node;
import hotsm.vm.node.NodeOptions;
import hotsm.vm.node.Refusal;
import hotsm.vm.node.StepResult;
import hotsm.vm.value.Value;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The client's own paths: a {@link StepStream}'s order and window, the
 * synchronous call that reads its reply on the caller's thread (timeouts,
 * interrupts, threads sharing one client), and the end of a connection in
 * the middle of a pipeline.
 */
class NodeClientTest {

    private static NodeServer serve(Node node) throws IOException {
        return NodeServer.start(node, InetAddress.getLoopbackAddress(), 0);
    }

    private static HostPort at(NodeServer s) { return HostPort.parse(s.hostPort()); }

    @Test
    void aStreamsOutputsComeInTheOrderItsInputsWereSent() throws Exception {
        try (Node node = Node.start(counter1(), NodeOptions.defaults()); NodeServer s = serve(node);
             NodeClient c = NodeClient.connect(at(s))) {
            for (int window : new int[] {1, 3, StepStream.DEFAULT_WINDOW}) {
                StepStream steps = c.steps(null, window);
                long before = ((Value.Int) c.state().value()).value();
                for (int i = 1; i <= 1200; i++) steps.send(i % 100 == 0 ? COUNT : INCR);   // more than the window
                assertEquals(1200, steps.waiting());
                for (int i = 1; i <= 1200; i++) {
                    Value expected = i % 100 == 0 ? total(before + i - i / 100) : OK;
                    assertEquals(expected, steps.receive().output(), "output " + i + " with a window of " + window);
                }
                assertEquals(0, steps.waiting());
                assertThrows(IllegalStateException.class, steps::receive);
            }
        }
    }

    @Test
    void aStreamOfLargeInputsAndOutputsKeepsItsBytesInFlightBounded() throws Exception {
        // Echo answers its input with the count of characters so far: replies as large as the requests. Beyond
        // the stream's 64 KiB of unanswered requests it reads before it writes, so it never blocks writing while
        // the replies it should read fill the connection the other way.
        try (Node node = Node.start(hotsm.vm.testing.SampleArtifacts.echo(), NodeOptions.defaults());
             NodeServer s = serve(node); NodeClient c = NodeClient.connect(at(s))) {
            StepStream steps = c.steps();
            long seen = 0;
            List<String> sent = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                String text = String.valueOf((char) ('a' + i % 26)).repeat(i % 2 == 0 ? 10_000 : 150_000);
                steps.send(Value.of(text));
                sent.add(text);
            }
            for (String text : sent) {
                seen += text.length();
                assertEquals(Value.of(text + seen), steps.receive().output());
            }
        }
    }

    @Test
    void aRefusedStepInAStreamIsItsOwnErrorAndTheStreamGoesOn() throws Exception {
        try (Node node = Node.start(counter1(), NodeOptions.defaults()); NodeServer s = serve(node);
             NodeClient c = NodeClient.connect(at(s))) {
            StepStream steps = c.steps();
            steps.send(INCR);
            steps.send(Value.of("not an input"));
            steps.send(COUNT);
            assertEquals(OK, steps.receive().output());
            Refusal r = assertThrows(Refusal.class, steps::receive);
            assertEquals(Refusal.Reason.BAD_VALUE, r.reason());
            assertEquals(total(1), steps.receive().output());
        }
    }

    @Test
    void threadsSharingAClientEachGetTheirOwnReplies() throws Exception {
        try (Node node = Node.start(counter1(), NodeOptions.defaults()); NodeServer s = serve(node);
             NodeClient c = NodeClient.connect(at(s))) {
            List<Thread> threads = new ArrayList<>();
            List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
            for (int t = 0; t < 4; t++) {
                int kind = t;
                threads.add(new Thread(() -> {
                    try {
                        if (kind == 0) {   // a stream beside the blocking calls
                            StepStream steps = c.steps();
                            for (int i = 0; i < 300; i++) steps.send(INCR);
                            for (int i = 0; i < 300; i++) assertEquals(OK, steps.receive().output());
                        } else if (kind == 1) {   // futures beside them
                            List<CompletableFuture<Frame>> replies = new ArrayList<>();
                            for (int i = 0; i < 300; i++) replies.add(c.stepAsync(INCR, null));
                            for (CompletableFuture<Frame> f : replies) assertEquals(OK, c.output(f).output());
                        } else {
                            for (int i = 0; i < 300; i++) assertEquals(OK, c.step(INCR).output());
                        }
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                }));
            }
            threads.forEach(Thread::start);
            for (Thread t : threads) t.join();
            assertEquals(List.of(), failures);
            assertEquals(total(1200), c.step(COUNT).output());
        }
    }

    @Test
    void aFuturesCallbackMayCallTheClientAgain() throws Exception {
        try (Node node = Node.start(counter1(), NodeOptions.defaults()); NodeServer s = serve(node);
             NodeClient c = NodeClient.connect(at(s))) {
            // The callback runs on the thread reading the connection, which must then read on for it.
            CompletableFuture<Value> nested = c.stepAsync(INCR, null).thenApply(f -> {
                try {
                    return c.step(COUNT).output();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            assertEquals(total(1), nested.get(60, java.util.concurrent.TimeUnit.SECONDS));
        }
    }

    @Test
    void aSynchronousCallGivesUpAfterTheReplyTimeoutAndTheConnectionGoesOn() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean hold = new AtomicBoolean(true);
        NodeOptions options = NodeOptions.defaults().withLog(command -> {
            if (command instanceof Command.Step && hold.getAndSet(false)) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        try (Node node = Node.start(counter1(), options); NodeServer s = serve(node);
             // The handshake has the default bound: a loaded machine may take over a second for it.
             NodeClient c = NodeClient.connect(at(s), Optional.empty(), NodeClient.DEFAULT_CONNECT_TIMEOUT,
                     Duration.ofSeconds(1), ConnectionSecurity.defaults())) {
            IOException e = assertThrows(IOException.class, () -> c.step(INCR));
            assertTrue(e.getMessage().contains("did not answer within 1 second (--timeout)"), e.getMessage());
            StepStream steps = c.steps();
            steps.send(INCR);
            e = assertThrows(IOException.class, steps::receive);   // queued behind the held step
            assertTrue(e.getMessage().contains("did not answer within 1 second"), e.getMessage());
            release.countDown();
            // The late replies are read and dropped (or kept for the stream); the connection is in step.
            assertEquals(OK, steps.receive().output());
            assertEquals(total(2), c.step(COUNT).output());
        }
    }

    @Test
    void anInterruptedCallStopsWaiting() throws Exception {
        try (ScriptedNode silent = new ScriptedNode((in, out) -> {
            while (FrameIO.read(in, Integer.MAX_VALUE) != null) {
                // reads the requests, never answers
            }
        }); NodeClient c = NodeClient.connect(silent.address(), Optional.of(id1()))) {
            IOException[] got = new IOException[1];
            Thread caller = new Thread(() -> got[0] = assertThrows(IOException.class, () -> c.step(INCR)));
            caller.start();
            Thread.sleep(200);
            caller.interrupt();
            caller.join(10_000);
            assertFalse(caller.isAlive());
            assertEquals("interrupted while waiting for the node", got[0].getMessage());
        }
    }

    @Test
    void aNodeClosingInTheMiddleOfAPipelineFailsEveryWaitingRequestSayingSo() throws Throwable {
        try (ScriptedNode node = new ScriptedNode((in, out) -> {
            for (int i = 0; i < 8; i++) {
                Frame f = FrameIO.read(in, Integer.MAX_VALUE);
                if (i < 3) {
                    byte[] output = Messages.output(new StepResult(OK, OUTPUT));
                    FrameIO.write(out, new Frame(MessageType.OUTPUT, f.requestId(), output), true);
                }
            }
            // and the node goes away with five steps unanswered
        })) {
            NodeClient c = NodeClient.connect(node.address(), Optional.of(id1()));
            StepStream steps = c.steps();
            for (int i = 0; i < 5; i++) steps.send(INCR);
            List<CompletableFuture<Frame>> futures = new ArrayList<>();
            for (int i = 0; i < 3; i++) futures.add(c.stepAsync(INCR, null));
            for (int i = 0; i < 3; i++) assertEquals(OK, steps.receive().output());
            for (int i = 0; i < 2; i++) {
                IOException e = assertThrows(IOException.class, steps::receive);
                assertEquals("the node closed the connection", e.getMessage());
            }
            for (CompletableFuture<Frame> f : futures) {
                ExecutionException e = assertThrows(ExecutionException.class, f::get);
                assertEquals("the node closed the connection", e.getCause().getMessage());
            }
            IOException later = assertThrows(IOException.class, () -> c.step(INCR));
            assertEquals("the node closed the connection", later.getMessage());
            assertThrows(IOException.class, () -> steps.send(INCR));
            node.finish();
            c.close();
        }
    }

    @Test
    void anErrorTiedToNoRequestEndsTheConnectionWithTheNodesMessage() throws Throwable {
        try (ScriptedNode node = new ScriptedNode((in, out) -> {
            FrameIO.read(in, Integer.MAX_VALUE);
            FrameIO.write(out, new Frame(MessageType.ERROR, 0,
                    Messages.error(ErrorCode.STOPPED, "closing this idle connection")), true);
        }); NodeClient c = NodeClient.connect(node.address(), Optional.of(id1()))) {
            IOException e = assertThrows(IOException.class, () -> c.step(INCR));
            assertEquals("the node closed the connection: closing this idle connection", e.getMessage());
            node.finish();
        }
    }
}
