package hotsm.vm.protocol;

import static hotsm.vm.node.CounterArtifacts.INCR;
import static hotsm.vm.node.CounterArtifacts.counter1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hotsm.vm.node.Node;
import hotsm.vm.node.NodeOptions;
import hotsm.vm.trust.TrustException;
import hotsm.vm.value.Value;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Item 1 of docs/security.md: every connection proves it knows the node's cookie. */
class CookieTest {

    @TempDir Path dir;
    Cookie nodeCookie;
    Node node;
    NodeServer server;
    HostPort address;

    @BeforeEach void start() throws IOException {
        nodeCookie = Cookie.load(dir.resolve("node/cookie"), true);
        node = Node.start(counter1(), NodeOptions.defaults());
        server = NodeServer.start(node, InetAddress.getLoopbackAddress(), 0,
                new ConnectionSecurity(nodeCookie, Optional.empty()));
        address = HostPort.parse(server.hostPort());
    }

    @AfterEach void stop() {
        server.close();
        node.close();
    }

    private ConnectionSecurity with(Cookie c) { return new ConnectionSecurity(c, Optional.empty()); }

    @Test void aCookieIsCreatedOwnerOnlyInAnOwnerOnlyFolder() throws IOException {
        Path file = dir.resolve("home/.sm/cookie");
        Cookie c = Cookie.load(file, true);
        assertEquals(64, c.secret().length);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
        assertEquals(new String(c.secret()), new String(Cookie.load(file, true).secret()), "created once");
    }

    @Test void aClientWithTheSameCookieIsServed() throws IOException {
        try (NodeClient c = NodeClient.connect(address, Optional.empty(), with(nodeCookie))) {
            c.step(INCR);
            assertEquals(Value.of(1), c.state().value());
        }
    }

    @Test void aClientWithAnotherCookieIsToldWhichFileToCheck() throws IOException {
        Cookie other = Cookie.load(dir.resolve("client/cookie"), true);
        IOException e = assertThrows(IOException.class, () -> NodeClient.connect(address, Optional.empty(), with(other)));
        assertTrue(e.getMessage().contains("does not know the cookie in " + other.file()), e.getMessage());
    }

    /** The node's answer to a wrong proof: a refusing welcome, then the end of the connection. */
    @Test void aWrongProofIsAnsweredWithARefusal() throws Exception {
        try (Socket s = new Socket(address.host(), address.port())) {
            DataOutputStream out = new DataOutputStream(s.getOutputStream());
            DataInputStream in = new DataInputStream(s.getInputStream());
            Handshake.Hello hello = new Handshake.Hello(Wire.PROTOCOL_VERSION, Optional.empty());
            Handshake.writeHello(out, hello);
            Handshake.Challenge c = (Handshake.Challenge) Handshake.readGreeting(in);
            Cookie wrong = new Cookie(dir.resolve("guess"), "guess".getBytes());
            Handshake.writeProof(out, new CookieProof(wrong).clientProof(hello.nonce(), c.nonce()));
            Handshake.Welcome w = Handshake.readWelcome(in);
            assertFalse(w.accepted());
            assertEquals(Handshake.REFUSED_COOKIE, w.status());
            assertTrue(w.message().startsWith("wrong cookie"), w.message());
            assertEquals(-1, in.read(), "the node closes the connection");
        }
    }

    /**
     * A client that sends a wrong proof followed at once by requests is
     * refused, and none of the requests is run: the node reads nothing after
     * the proof before checking it, and it drains the unread requests rather
     * than reset the connection, so the refusal arrives in full.
     */
    @Test void aWrongProofIsRefusedBeforeAnyRequestIsRead() throws Exception {
        try (Socket s = new Socket(address.host(), address.port())) {
            DataOutputStream out = new DataOutputStream(s.getOutputStream());
            DataInputStream in = new DataInputStream(s.getInputStream());
            Handshake.Hello hello = new Handshake.Hello(Wire.PROTOCOL_VERSION, Optional.empty());
            Handshake.writeHello(out, hello);
            Handshake.Challenge c = (Handshake.Challenge) Handshake.readGreeting(in);
            Cookie wrong = new Cookie(dir.resolve("guess"), "guess".getBytes());
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            DataOutputStream pipelined = new DataOutputStream(bytes);
            Handshake.writeProof(pipelined, new CookieProof(wrong).clientProof(hello.nonce(), c.nonce()));
            for (int id = 1; id <= 5; id++) {
                FrameIO.write(pipelined, new Frame(MessageType.STEP, id, Messages.stepRequest(
                        new Messages.StepRequest(Optional.empty(), INCR))), true);
            }
            out.write(bytes.toByteArray());   // the proof and the requests in one write
            out.flush();
            Handshake.Welcome w = Handshake.readWelcome(in);
            assertEquals(Handshake.REFUSED_COOKIE, w.status(), w.message());
            assertEquals(-1, in.read(), "the node ended the connection after the welcome");
        }
        try (NodeClient good = NodeClient.connect(address, Optional.empty(), with(nodeCookie))) {
            assertEquals(Value.of(0), good.state().value(), "no request of the refused client ran");
        }
    }

    /** The proof runs both ways: the node's own proof tells a client whether the node knows its cookie. */
    @Test void theNodeProvesItKnowsTheCookie() throws Exception {
        Cookie other = new Cookie(dir.resolve("other"), "other".getBytes());
        try (Socket s = new Socket(address.host(), address.port())) {
            DataOutputStream out = new DataOutputStream(s.getOutputStream());
            DataInputStream in = new DataInputStream(s.getInputStream());
            Handshake.Hello hello = new Handshake.Hello(Wire.PROTOCOL_VERSION, Optional.empty());
            Handshake.writeHello(out, hello);
            Handshake.Challenge c = (Handshake.Challenge) Handshake.readGreeting(in);
            assertFalse(CookieProof.same(new CookieProof(other).nodeProof(hello.nonce(), c.nonce()), c.proof()),
                    "the node's proof shows it does not know this cookie");
            assertTrue(CookieProof.same(new CookieProof(nodeCookie).nodeProof(hello.nonce(), c.nonce()), c.proof()));
        }
    }

    @Test void aCookieFileOthersCanReadIsRefusedWithAMessage() throws IOException {
        Path file = dir.resolve("loose");
        Files.writeString(file, "secret\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        TrustException e = assertThrows(TrustException.class, () -> Cookie.load(file, false));
        assertEquals("The cookie file " + file + " may be read or written by others (permissions rw-r--r--);"
                + " it must be owner-only: chmod 600 " + file, e.getMessage());
    }

    @Test void aMissingNamedCookieFileIsNotCreated() {
        Path file = dir.resolve("missing");
        TrustException e = assertThrows(TrustException.class, () -> Cookie.load(file, false));
        assertEquals("no cookie file " + file, e.getMessage());
        assertFalse(Files.exists(file));
    }
}
