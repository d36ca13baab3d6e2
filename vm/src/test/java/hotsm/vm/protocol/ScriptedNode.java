package hotsm.vm.protocol;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A stand-in for a node in tests of the client: it accepts one connection,
 * runs the node's side of the handshake (default cookie), then plays a
 * script against the frames the client sends, so a test can make a node
 * answer late, out of order, or close in the middle of a pipeline.
 */
final class ScriptedNode implements AutoCloseable {

    /** The node's side of one connection after the handshake. */
    interface Script {
        void play(DataInputStream in, DataOutputStream out) throws Exception;
    }

    private final ServerSocket listening = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    private final Thread thread;
    private volatile Throwable failed;

    ScriptedNode(Script script) throws IOException {
        thread = new Thread(() -> {
            try (Socket s = listening.accept()) {
                DataInputStream in = new DataInputStream(new BufferedInputStream(s.getInputStream()));
                DataOutputStream out = new DataOutputStream(new BufferedOutputStream(s.getOutputStream()));
                Handshake.Hello hello = Handshake.readHello(in);
                CookieProof proof = new CookieProof(Cookie.loadDefault());
                byte[] nonce = CookieProof.nonce();
                Handshake.writeChallenge(out, new Handshake.Challenge(Wire.PROTOCOL_VERSION, nonce,
                        proof.nodeProof(hello.nonce(), nonce)));
                if (!CookieProof.same(proof.clientProof(hello.nonce(), nonce), Handshake.readProof(in))) {
                    throw new IOException("wrong cookie proof");
                }
                Handshake.writeWelcome(out, new Handshake.Welcome(Wire.PROTOCOL_VERSION, Handshake.ACCEPTED, ""));
                script.play(in, out);
            } catch (Throwable e) {
                failed = e;
            }
        }, "scripted-node");
        thread.setDaemon(true);
        thread.start();
    }

    HostPort address() { return new HostPort("127.0.0.1", listening.getLocalPort()); }

    /** Waits for the script to end; rethrows what went wrong in it. */
    void finish() throws Throwable {
        thread.join(30_000);
        if (failed != null) throw failed;
    }

    @Override public void close() throws IOException { listening.close(); }
}
