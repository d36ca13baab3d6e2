package hotsm.vm.protocol;

import hotsm.vm.bytecode.Identity;
import hotsm.vm.node.Refusal;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * The client's side of the handshake (docs/protocol.md, "Handshake";
 * docs/security.md): send the hello, check the node's cookie proof, send this
 * client's, read the welcome. One place for every client of the protocol
 * ({@link NodeClient}, and the benchmarks' raw client), over any streams.
 */
public final class ClientHandshake {
    private ClientHandshake() {}

    /**
     * Run the handshake on a connected socket's streams.
     *
     * @param address named in the errors
     * @param timeout the socket's read timeout during the handshake (named when it expires)
     * @throws IOException if the node does not answer, does not know the cookie or refuses this client's proof
     * @throws Refusal if the node refuses the hello (its version or the interface it names)
     * @throws ProtocolException if the peer is not a hotsm node
     */
    public static void run(DataOutputStream out, DataInputStream in, HostPort address, Optional<Identity> speaking,
                           ConnectionSecurity security, Duration timeout) throws IOException, ProtocolException {
        run(out, in, address, speaking, security, timeout, new byte[0]);
    }

    /**
     * The same, sending {@code pipelined} (whole request frames) right behind
     * the cookie proof, before the welcome: the node reads nothing after the
     * proof until it has checked it, then hands what follows to the frames
     * (or, refusing, discards it), so a client's first request costs no
     * round trip of its own.
     */
    public static void run(DataOutputStream out, DataInputStream in, HostPort address, Optional<Identity> speaking,
                           ConnectionSecurity security, Duration timeout, byte[] pipelined)
            throws IOException, ProtocolException {
        Handshake.Hello hello = new Handshake.Hello(Wire.PROTOCOL_VERSION, speaking);
        Handshake.writeHello(out, hello);
        Handshake.Greeting greeting;
        try {
            greeting = Handshake.readGreeting(in);
        } catch (java.net.SocketTimeoutException e) {
            throw new IOException(address + " did not answer the handshake within " + seconds(timeout)
                    + ": is it a hotsm node?", e);
        } catch (java.io.EOFException e) {
            throw new IOException(address + " closed the connection during the handshake"
                    + (security.tls().isPresent() ? "" : " (if the node uses TLS, give its certificate with"
                    + " --tls-trust)"), e);
        }
        if (greeting instanceof Handshake.Welcome w) throw refused(w, address, security);
        Handshake.Challenge challenge = (Handshake.Challenge) greeting;
        CookieProof proof = new CookieProof(security.cookie());
        if (!CookieProof.same(proof.nodeProof(hello.nonce(), challenge.nonce()), challenge.proof())) {
            throw new IOException("the node at " + address + " does not know the cookie in "
                    + security.cookie().file() + ": a node and its clients must share one cookie file"
                    + " (--cookie-file)");
        }
        out.write(proof.clientProof(hello.nonce(), challenge.nonce()));
        out.write(pipelined);
        out.flush();
        Handshake.Welcome w = Handshake.readWelcome(in);
        if (!w.accepted()) throw refused(w, address, security);
    }

    static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? (ms / 1000) + (ms == 1000 ? " second" : " seconds") : ms + " ms";
    }

    private static IOException refused(Handshake.Welcome w, HostPort address, ConnectionSecurity security) {
        if (w.status() == Handshake.REFUSED_COOKIE) {
            return new IOException("the node at " + address + " refused this client's cookie (from "
                    + security.cookie().file() + "): a node and its clients must share one cookie file"
                    + " (--cookie-file)");
        }
        throw new Refusal(w.status() == Handshake.REFUSED_INTERFACE ? Refusal.Reason.UNKNOWN_INTERFACE
                : Refusal.Reason.PROTOCOL, w.message());
    }
}
