package hotsm.vm.protocol;

import static hotsm.vm.node.CounterArtifacts.*;
import static org.junit.jupiter.api.Assertions.*;

import hotsm.vm.node.EventLog;
import hotsm.vm.node.Node;
import hotsm.vm.node.NodeOptions;
import hotsm.vm.node.Refusal;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 10's attacks on the transport, each against a budget made small, and
 * each followed by a normal client that is served with the state intact.
 */
class ServerBudgetsTest {

    private final List<String> log = new CopyOnWriteArrayList<>();
    private Consumer<String> previousLog;
    private final List<AutoCloseable> open = new ArrayList<>();

    @BeforeEach
    void captureLog() {
        previousLog = EventLog.redirect(log::add);
    }

    @AfterEach
    void close() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) open.get(i).close();
        EventLog.redirect(previousLog);
    }

    private NodeServer serve(ServerLimits limits, NodeOptions options) throws Exception {
        Node node = Node.start(counter1(), options);
        open.add(node);
        NodeServer server = NodeServer.start(node, InetAddress.getLoopbackAddress(), 0, limits);
        open.add(server);
        return server;
    }

    private static HostPort at(NodeServer s) {
        return HostPort.parse(s.hostPort());
    }

    private Socket raw(NodeServer s) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), s.address().getPort());
        open.add(socket);
        return socket;
    }

    private static void hello(Socket s) throws Exception {
        assertTrue(ProtocolTest.handshake(new DataOutputStream(s.getOutputStream()),
                new DataInputStream(s.getInputStream())).accepted());
    }

    /** A normal client gets served, and the count is what it was. */
    private static void stillServes(NodeServer s, long count) throws IOException {
        try (NodeClient c = NodeClient.connect(at(s))) {
            assertEquals(total(count), c.step(COUNT).output());
        }
    }

    @Test
    void aFrameHeaderReservesNothingUntilItsBytesArrive() throws Exception {
        // 9 bytes per connection used to allocate 16 MiB each; now the budget holds what arrived.
        NodeServer s = serve(ServerLimits.defaults().withMaxBuffered(Wire.DEFAULT_MAX_FRAME), NodeOptions.defaults());
        for (int i = 0; i < 20; i++) {
            Socket raw = raw(s);
            hello(raw);
            DataOutputStream out = new DataOutputStream(raw.getOutputStream());
            out.writeInt(Wire.DEFAULT_MAX_FRAME);
            out.writeByte(MessageType.UPGRADE.code());
            out.writeInt(1);
            out.flush();
        }
        stillServes(s, 0);
    }

    @Test
    void bytesOverTheSharedBudgetCostOnlyThatConnection() throws Exception {
        NodeServer s = serve(ServerLimits.defaults().withMaxFrame(64 * 1024).withMaxBuffered(64 * 1024),
                NodeOptions.defaults());
        Socket greedy = raw(s);
        hello(greedy);
        DataOutputStream out = new DataOutputStream(greedy.getOutputStream());
        out.writeInt(60 * 1024);
        out.write(new byte[40 * 1024]);   // a partial frame holding most of the budget
        out.flush();
        waitFor(() -> s.bufferedBytes() >= 40 * 1024);
        Socket second = raw(s);
        hello(second);
        DataOutputStream out2 = new DataOutputStream(second.getOutputStream());
        out2.writeInt(60 * 1024);
        out2.write(new byte[40 * 1024]);
        out2.flush();
        Frame f = FrameIO.read(new DataInputStream(second.getInputStream()), Integer.MAX_VALUE);
        assertEquals(ErrorCode.BUSY, Messages.error(f.body()).code());
        greedy.close();   // its bytes are released with it
        waitFor(() -> s.bufferedBytes() == 0);
        stillServes(s, 0);
    }

    @Test
    void connectionsOverTheCapAreRefusedInTheWelcome() throws Exception {
        NodeServer s = serve(ServerLimits.defaults().withMaxConnections(2), NodeOptions.defaults());
        try (NodeClient a = NodeClient.connect(at(s)); NodeClient b = NodeClient.connect(at(s))) {
            Refusal r = assertThrows(Refusal.class, () -> NodeClient.connect(at(s)));
            assertTrue(r.getMessage().contains("at most 2 connections"), r.getMessage());
            a.step(INCR);
        }
        waitFor(() -> s.connectionCount() == 0);
        stillServes(s, 1);
    }

    @Test
    void aSilentConnectionIsClosedAfterTheHandshakeTimeout() throws Exception {
        NodeServer s = serve(ServerLimits.defaults().withHandshakeTimeout(Duration.ofMillis(200)),
                NodeOptions.defaults());
        Socket silent = raw(s);
        Handshake.Welcome w = Handshake.readWelcome(new DataInputStream(silent.getInputStream()));
        assertFalse(w.accepted());
        assertTrue(w.message().contains("no hello"), w.message());
        stillServes(s, 0);
    }

    @Test
    void anIdleConnectionIsClosedAfterTheIdleTimeout() throws Exception {
        NodeServer s = serve(ServerLimits.defaults().withIdleTimeout(Duration.ofMillis(300)), NodeOptions.defaults());
        Socket stalled = raw(s);
        hello(stalled);
        DataOutputStream out = new DataOutputStream(stalled.getOutputStream());
        out.writeInt(1000);   // a frame that never comes
        out.flush();
        DataInputStream in = new DataInputStream(stalled.getInputStream());
        Frame bye = FrameIO.read(in, Integer.MAX_VALUE);
        assertTrue(Messages.error(bye.body()).message().contains("closing"));
        assertEquals(-1, in.read());
        stillServes(s, 0);
    }

    @Test
    void errorsInjectedOnEveryServerThreadCostOneRequestAndAreLogged() throws Exception {
        AtomicBoolean failLog = new AtomicBoolean();
        NodeServer s = serve(ServerLimits.defaults(), NodeOptions.defaults().withLog(c -> {
            if (failLog.getAndSet(false)) throw new OutOfMemoryError("injected on the machine thread");
        }));
        List<String> failAt = new CopyOnWriteArrayList<>();
        s.injectFaults(point -> {
            if (failAt.remove(point)) throw new OutOfMemoryError("injected at " + point);
        });
        try (NodeClient c = NodeClient.connect(at(s))) {
            c.speaking();   // the client's first request (which version runs) is answered before any fault
            failAt.add("request");
            Refusal r = assertThrows(Refusal.class, () -> c.step(INCR));
            assertEquals(Refusal.Reason.INTERNAL, r.reason());
            failAt.add("reply");
            r = assertThrows(Refusal.class, () -> c.state());
            assertEquals(Refusal.Reason.INTERNAL, r.reason());
            assertTrue(r.getMessage().contains("encode"), r.getMessage());
            failLog.set(true);
            r = assertThrows(Refusal.class, () -> c.step(INCR));
            assertEquals(Refusal.Reason.INTERNAL, r.reason());
            assertTrue(r.getMessage().contains("OutOfMemoryError"), r.getMessage());
            assertEquals(OK, c.step(INCR).output());
        }
        failAt.add("accept");
        assertThrows(IOException.class, () -> NodeClient.connect(at(s), Optional.empty(), Duration.ofSeconds(5)));
        stillServes(s, 1);
        assertTrue(log.stream().anyMatch(l -> l.contains("injected at request")), log.toString());
        assertTrue(log.stream().anyMatch(l -> l.contains("injected at reply")), log.toString());
        assertTrue(log.stream().anyMatch(l -> l.contains("injected on the machine thread")), log.toString());
        assertTrue(log.stream().anyMatch(l -> l.contains("injected at accept")), log.toString());
    }

    @Test
    void aReplyOverTheFrameMaximumIsAnErrorReply() throws Exception {
        NodeServer s = serve(ServerLimits.defaults().withMaxFrame(64), NodeOptions.defaults());
        try (NodeClient c = NodeClient.connect(at(s), Optional.of(id1()))) {
            Refusal r = assertThrows(Refusal.class, () -> c.info());   // INFO of Counter1 is over 64 bytes
            assertTrue(r.getMessage().contains("exceeds the node's frame maximum"), r.getMessage());
            assertEquals(OK, c.step(INCR).output());
        }
        assertTrue(log.stream().anyMatch(l -> l.contains("over the frame maximum")), log.toString());
    }

    @Test
    void anOldClientsIncrIsAdaptedAfterAnUpgradeToCounter3NeverRunAsReset() throws Exception {
        NodeServer s = serve(ServerLimits.defaults(), NodeOptions.defaults());
        try (NodeClient old = NodeClient.connect(at(s)); NodeClient admin = NodeClient.connect(at(s))) {
            assertEquals(id1(), old.speaking());   // no interface named: the one running at connect, stated in every step
            old.step(INCR);
            old.step(INCR);
            admin.upgrade(counter2());
            admin.upgrade(counter3(false));
            // Counter3's first input is Reset, which Incr's encoding (Inl ()) would be read as.
            assertEquals(OK, old.step(INCR).output());
            assertEquals(total(3), old.step(COUNT).output());
        }
    }

    @Test
    void aClientsOwnUpgradeMovesItsInterfaceAnothersDoesNot() throws Exception {
        NodeServer s = serve(ServerLimits.defaults(), NodeOptions.defaults());
        try (NodeClient admin = NodeClient.connect(at(s)); NodeClient other = NodeClient.connect(at(s));
             NodeClient pinned = NodeClient.connect(at(s), Optional.of(id1()))) {
            // The version a client learns at connect is asked without waiting (connect does not block on it);
            // settle it before another client's upgrade, which could otherwise overtake that INFO on the node.
            assertEquals(id1(), other.speaking());
            admin.upgrade(counter2());
            assertEquals(id2(), admin.speaking());    // it asked for Counter2 by name
            assertEquals(id1(), other.speaking());    // it never did
            pinned.upgrade(counter3(false));
            assertEquals(id1(), pinned.speaking());   // named in its hello: kept
            assertEquals(OK, other.step(INCR).output());   // Counter1's Incr, adapted through two upgrades
        }
    }

    @Test
    void aClientGivesUpOnANodeThatDoesNotAnswerAndSaysSo() throws Exception {
        hotsm.vm.node.HoldingLog log = hotsm.vm.node.HoldingLog.atFirstStep();
        NodeServer s = serve(ServerLimits.defaults(), NodeOptions.defaults().withLog(log));
        try (NodeClient c = NodeClient.connect(at(s), Optional.empty(), Duration.ofMillis(300))) {
            IOException e = assertThrows(IOException.class, () -> c.step(INCR));
            assertTrue(e.getMessage().contains("did not answer within 300 ms"), e.getMessage());
        } finally {
            log.release();
        }
    }

    @Test
    void connectionsCostNoThreadOfTheirOwn() throws Exception {
        NodeServer s = serve(ServerLimits.defaults().withIoThreads(2), NodeOptions.defaults());
        stillServes(s, 0);   // the server's threads exist now
        long before = ioThreads();
        List<NodeClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 60; i++) clients.add(NodeClient.connect(at(s)));
            for (NodeClient c : clients) c.step(INCR);
            assertTrue(ioThreads() - before <= 2, "I/O threads grew from " + before + " to " + ioThreads());
        } finally {
            for (NodeClient c : clients) c.close();
        }
        stillServes(s, 60);
    }

    private static long ioThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("hotsm-io")).count();
    }

    @Test
    void sendingAsksForTheRunningVersionNotTheWholeHistory() throws Exception {
        NodeServer s = serve(ServerLimits.defaults(), NodeOptions.defaults());
        try (NodeClient c = NodeClient.connect(at(s))) {
            for (int i = 0; i < 5; i++) {
                c.upgrade(counter2());
                c.downgrade();
            }
            hotsm.vm.node.NodeInfo newest = c.info(1);
            assertEquals(1, newest.history().size());
            assertEquals(10, newest.omitted());
            assertEquals(11, c.info().history().size());
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 500 && !condition.getAsBoolean(); i++) Thread.sleep(10);
        assertTrue(condition.getAsBoolean());
    }
}
