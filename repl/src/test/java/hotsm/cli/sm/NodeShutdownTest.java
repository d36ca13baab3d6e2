package hotsm.cli.sm;

import static hotsm.vm.node.CounterArtifacts.*;
import static org.junit.jupiter.api.Assertions.*;

import hotsm.vm.node.HoldingLog;
import hotsm.vm.node.Node;
import hotsm.vm.node.NodeOptions;
import hotsm.vm.node.Refusal;
import hotsm.vm.protocol.Frame;
import hotsm.vm.protocol.HostPort;
import hotsm.vm.protocol.NodeClient;
import hotsm.vm.protocol.NodeServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What {@code sm node} does on SIGTERM, and its trace queue under a reader that does not read. */
class NodeShutdownTest {

    @Test
    void stoppingAnswersQueuedRequestsOverTheWireAndFinishesTheRunningStep() throws Exception {
        HoldingLog log = HoldingLog.atFirstStep();
        Node node = Node.start(counter1(), NodeOptions.defaults().withLog(log));
        NodeServer server = NodeServer.start(node, InetAddress.getLoopbackAddress(), 0);
        try (NodeClient c = NodeClient.connect(HostPort.parse(server.hostPort()))) {
            CompletableFuture<Frame> first = c.stepAsync(INCR, null);
            log.awaitHeld();
            List<CompletableFuture<Frame>> queued = new ArrayList<>();
            for (int i = 0; i < 50; i++) queued.add(c.stepAsync(INCR, null));
            c.request(hotsm.vm.protocol.MessageType.PING.code(), new byte[0]).get();   // all 50 are in the node's queue
            Thread stopper = new Thread(() -> NodeShutdown.stop(server, node, null, Duration.ofSeconds(30)));
            stopper.start();
            for (CompletableFuture<Frame> q : queued) {
                Refusal r = assertThrows(Refusal.class, () -> c.output(q));
                assertEquals(Refusal.Reason.STOPPED, r.reason());
                assertEquals("The node is stopping.", r.getMessage());
            }
            log.release();
            stopper.join();
            // The running step finished; its reply may or may not have been written before the close, so
            // the client hears that reply or the end of the connection, whichever its reader meets first
            // (after stop() returns it may still be reading: a bound on the wait, not on the speed).
            try {
                first.get(30, TimeUnit.SECONDS);
                assertEquals(OK, c.output(first).output());
            } catch (ExecutionException closed) {
                assertInstanceOf(java.io.IOException.class, closed.getCause());
            }
        }
    }

    /** A writer that blocks until released, as a terminal whose reader is suspended. */
    private static final class StuckWriter extends Writer {
        final CountDownLatch release = new CountDownLatch(1);
        final StringWriter text = new StringWriter();

        @Override public void write(char[] b, int off, int len) {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (text) { text.write(b, off, len); }
        }

        @Override public void flush() { }

        @Override public void close() { }
    }

    @Test
    void aTraceNobodyReadsDropsLinesAndCountsThemInsteadOfBlocking() {
        StuckWriter stuck = new StuckWriter();
        TracePrinter trace = new TracePrinter(new PrintWriter(stuck), 10);
        for (int i = 0; i < 1000; i++) trace.stepFailed("line " + i);   // never blocks
        assertTrue(trace.dropped() > 0);
        stuck.release.countDown();
        trace.close();
        String[] lines = stuck.text.toString().split("\n");
        long printed = 0;
        long dropped = 0;
        for (String l : lines) {
            if (l.startsWith("Error: line ")) printed++;
            else if (l.startsWith("… ")) dropped += Long.parseLong(l.split(" ")[1]);
        }
        assertEquals(1000, printed + dropped, String.join("\n", lines));
        assertTrue(dropped >= 1000 - 12);
    }
}
