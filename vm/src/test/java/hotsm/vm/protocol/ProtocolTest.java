package hotsm.vm.protocol;

import static hotsm.vm.node.CounterArtifacts.*;
import static org.junit.jupiter.api.Assertions.*;

import hotsm.vm.bytecode.ArtifactCodec;
import hotsm.vm.bytecode.Identity;
import hotsm.vm.node.InterfaceView;
import hotsm.vm.node.Node;
import hotsm.vm.node.NodeInfo;
import hotsm.vm.node.NodeOptions;
import hotsm.vm.node.Refusal;
import hotsm.vm.node.VersionChange;
import hotsm.vm.value.Value;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProtocolTest {

    private Node node;
    private NodeServer server;
    private HostPort address;

    @BeforeEach
    void start() throws Exception {
        node = Node.start(counter1(), NodeOptions.defaults());
        server = NodeServer.start(node, InetAddress.getLoopbackAddress(), 0, 4096);
        address = HostPort.parse(server.hostPort());
    }

    @AfterEach
    void stop() {
        server.close();
        node.close();
    }

    @Test
    void seedSessionOverTheWire() throws Exception {
        try (NodeClient c = NodeClient.connect(address)) {
            NodeInfo info = c.info();
            assertEquals(NAME1, info.name());
            assertEquals(id1(), info.identity());
            assertEquals(INPUT, info.input());
            assertEquals(OUTPUT, info.output());
            assertEquals(OK, c.step(INCR).output());
            assertEquals(OK, c.step(INCR).output());
            assertEquals(total(2), c.step(COUNT).output());
            assertEquals(OUTPUT, c.step(COUNT).outputType());

            VersionChange up = c.upgrade(ArtifactCodec.encode(counter2()));
            assertEquals("Upgrade successful!", up.message());
            assertEquals(id1(), up.from());
            assertEquals(id2(), up.to());
            c.step(INCR);
            c.step(INCR);
            assertEquals(total(4), c.step(COUNT).output());
            assertEquals(Value.pair(Value.of(2), Value.of(4)), c.state().value());

            Refusal again = assertThrows(Refusal.class, () -> c.upgrade(counter2()));
            assertEquals(Refusal.Reason.UPGRADE_REFUSED, again.reason());
            assertEquals("The version running isn't the one the upgrade expects. Aborting upgrade.", again.getMessage());

            assertEquals("Downgrade successful!", c.downgrade().message());
            assertEquals(Value.of(4), c.state().value());
            assertEquals(3, c.info().history().size());
        }
    }

    @Test
    void oldInterfaceClientKeepsWorkingAfterUpgradeToCounter3() throws Exception {
        try (NodeClient admin = NodeClient.connect(address);
             NodeClient old = NodeClient.connect(address, Optional.of(id1()))) {
            old.step(INCR);
            admin.upgrade(counter2());
            admin.upgrade(counter3(false));
            assertEquals(OK, old.step(INCR).output());
            assertEquals(total(2), old.step(COUNT).output());
            assertEquals(OUTPUT, old.step(COUNT).outputType());
            assertEquals(NAME3, admin.info().name());
            assertEquals(new InterfaceView(id1(), INPUT, OUTPUT), admin.interfaceOf(id1()));
            assertEquals(new InterfaceView(id3(), INPUT3, OUTPUT3), admin.interfaceOf(id3()));
            Refusal unknown = assertThrows(Refusal.class, () -> admin.interfaceOf(new Identity(new byte[32])));
            assertEquals(Refusal.Reason.UNKNOWN_INTERFACE, unknown.reason());
        }
    }

    /**
     * Issue 10: a step is read against the interface the client states, in
     * the hello or in the STEP; one that states none is refused (an upgrade
     * meanwhile would change what it means), and the connection goes on.
     */
    @Test
    void aStepNamingNoInterfaceIsRefusedAndTheConnectionStaysUsable() throws Exception {
        byte[] unnamed = Messages.stepRequest(new Messages.StepRequest(Optional.empty(), INCR));
        try (NodeClient c = NodeClient.connect(address)) {
            Frame reply = c.request(MessageType.STEP.code(), unnamed).get();
            assertEquals(MessageType.ERROR, reply.messageType());
            Messages.ErrorReply e = Messages.error(reply.body());
            assertEquals(ErrorCode.UNKNOWN_INTERFACE, e.code());
            assertTrue(e.message().startsWith("this STEP names no interface"), e.message());
            assertEquals(OK, c.step(INCR).output());
            assertEquals(Value.of(1), c.state().value(), "the refused step did not run");
        }
        // The hello's interface is the connection's: a STEP naming none there is read against it.
        try (NodeClient old = NodeClient.connect(address, Optional.of(id1()))) {
            Frame reply = old.request(MessageType.STEP.code(), unnamed).get();
            assertEquals(MessageType.OUTPUT, reply.messageType());
            assertEquals(Value.of(2), old.state().value());
        }
    }

    @Test
    void aHandshakeWithAnUnknownInterfaceIsRefused() throws Exception {
        Refusal e = assertThrows(Refusal.class, () -> NodeClient.connect(address, Optional.of(id3())));
        assertEquals(Refusal.Reason.UNKNOWN_INTERFACE, e.reason());
        assertTrue(e.getMessage().contains("cannot serve"), e.getMessage());
    }

    @Test
    void pipelinedStepsAreAnsweredInOrder() throws Exception {
        try (NodeClient c = NodeClient.connect(address)) {
            List<CompletableFuture<Frame>> replies = new ArrayList<>();
            for (int i = 0; i < 500; i++) replies.add(c.stepAsync(INCR, null));
            replies.add(c.stepAsync(COUNT, null));
            for (int i = 0; i < 500; i++) assertEquals(OK, c.output(replies.get(i)).output());
            assertEquals(total(500), c.output(replies.get(500)).output());
        }
    }

    @Test
    void badRequestsAreErrorsAndTheConnectionStaysUsable() throws Exception {
        try (NodeClient c = NodeClient.connect(address)) {
            assertError(c.request(0x42, new byte[0]), ErrorCode.UNKNOWN_REQUEST);
            assertError(c.request(MessageType.STEP.code(), new byte[] {0, 9, 9}), ErrorCode.MALFORMED);
            assertError(c.request(MessageType.INFO.code(), new byte[] {1}), ErrorCode.MALFORMED);
            assertError(c.request(MessageType.UPGRADE.code(), new byte[] {1, 2, 3}), ErrorCode.UPGRADE_REFUSED);
            Refusal bad = assertThrows(Refusal.class, () -> c.step(Value.of("Incr")));
            assertEquals(Refusal.Reason.BAD_VALUE, bad.reason());
            assertEquals(OK, c.step(INCR).output());
        }
    }

    private static void assertError(CompletableFuture<Frame> reply, ErrorCode code) throws Exception {
        Frame f = reply.get();
        assertEquals(MessageType.ERROR, f.messageType());
        assertEquals(code, Messages.error(f.body()).code());
    }

    @Test
    void garbageAndOversizedFramesCloseOnlyThatConnection() throws Exception {
        try (NodeClient good = NodeClient.connect(address)) {
            good.step(INCR);
            // Not a hotsm client at all.
            try (Socket s = new Socket(address.host(), address.port())) {
                s.getOutputStream().write("GET / HTTP/1.0\r\n\r\n".getBytes());
                DataInputStream in = new DataInputStream(s.getInputStream());
                Handshake.Welcome w = Handshake.readWelcome(in);
                assertFalse(w.accepted());
                assertTrue(w.message().contains("HSMP"), w.message());
                assertEquals(-1, in.read());
            }
            // A good handshake, then a frame longer than the maximum (4096 here).
            try (Socket s = new Socket(address.host(), address.port())) {
                DataOutputStream out = new DataOutputStream(s.getOutputStream());
                DataInputStream in = new DataInputStream(s.getInputStream());
                assertTrue(handshake(out, in).accepted());
                out.writeInt(1 << 30);
                out.flush();
                Frame f = FrameIO.read(in, Integer.MAX_VALUE);
                assertEquals(MessageType.ERROR, f.messageType());
                assertEquals(ErrorCode.FRAME_TOO_LARGE, Messages.error(f.body()).code());
                assertEquals(-1, in.read());
            }
            // Random bytes after the handshake.
            try (Socket s = new Socket(address.host(), address.port())) {
                DataOutputStream out = new DataOutputStream(s.getOutputStream());
                assertTrue(handshake(out, new DataInputStream(s.getInputStream())).accepted());
                byte[] junk = new byte[3000];
                new java.util.Random(7).nextBytes(junk);
                out.write(junk);
                out.flush();
                s.shutdownOutput();
                drain(s.getInputStream());
            }
            // A newer protocol version is refused politely.
            try (Socket s = new Socket(address.host(), address.port())) {
                Handshake.writeHello(new DataOutputStream(s.getOutputStream()), new Handshake.Hello(9, Optional.empty()));
                Handshake.Welcome w = Handshake.readWelcome(new DataInputStream(s.getInputStream()));
                assertFalse(w.accepted());
                assertTrue(w.message().contains("version " + Wire.PROTOCOL_VERSION), w.message());
            }
            assertEquals(OK, good.step(INCR).output());
            assertEquals(total(2), good.step(COUNT).output());
        }
        try (NodeClient later = NodeClient.connect(address)) {
            assertEquals(total(2), later.step(COUNT).output());
        }
    }

    /**
     * A refused hello followed at once by more bytes (the rest of another
     * version's hello, requests pipelined after it): the node drains them
     * rather than close with them unread (which resets the connection and can
     * lose the welcome), so the client reads the whole refusal, then the end.
     */
    @Test
    void aRefusedHelloIsAnsweredInFullWhateverFollowsIt() throws Exception {
        for (int round = 0; round < 5; round++) {
            try (Socket s = new Socket(address.host(), address.port())) {
                java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
                Handshake.writeHello(new DataOutputStream(bytes), new Handshake.Hello(9, Optional.empty()));
                bytes.write(new byte[256 * 1024]);
                s.getOutputStream().write(bytes.toByteArray());
                s.getOutputStream().flush();
                DataInputStream in = new DataInputStream(s.getInputStream());
                Handshake.Welcome w = Handshake.readWelcome(in);
                assertFalse(w.accepted());
                assertTrue(w.message().contains("version " + Wire.PROTOCOL_VERSION), w.message());
                assertEquals(-1, in.read(), "the node ended its side after the welcome");
            }
        }
        try (NodeClient c = NodeClient.connect(address)) {
            assertEquals(OK, c.step(INCR).output());
        }
    }

    /** The client's side of the handshake by hand, with the default cookie (docs/protocol.md). */
    static Handshake.Welcome handshake(DataOutputStream out, DataInputStream in) throws Exception {
        Handshake.Hello hello = new Handshake.Hello(Wire.PROTOCOL_VERSION, Optional.empty());
        Handshake.writeHello(out, hello);
        Handshake.Challenge c = (Handshake.Challenge) Handshake.readGreeting(in);
        Handshake.writeProof(out, new CookieProof(Cookie.loadDefault()).clientProof(hello.nonce(), c.nonce()));
        return Handshake.readWelcome(in);
    }

    private static void drain(InputStream in) throws IOException {
        byte[] buf = new byte[4096];
        while (in.read(buf) >= 0) {
            Arrays.fill(buf, (byte) 0);
        }
    }

    @Test
    void valuesAndTypesRoundTrip() throws Exception {
        Value v = Value.pair(new Value.Inl(Value.of("a\"b")), new Value.Inr(Value.pair(Value.of(-3), Value.UNIT)));
        assertEquals(v, new WireIn(new WireOut().value(v).toBytes()).value());
        assertEquals(STATE3, new WireIn(new WireOut().type(STATE3).toBytes()).type());
        assertEquals(INPUT3, new WireIn(new WireOut().type(INPUT3).toBytes()).type());
        Value deep = Value.UNIT;
        for (int i = 0; i < Wire.MAX_DEPTH + 1; i++) deep = new Value.Inl(deep);
        byte[] tooDeep = new WireOut().value(deep).toBytes();
        assertThrows(ProtocolException.class, () -> new WireIn(tooDeep).value());
    }
}
