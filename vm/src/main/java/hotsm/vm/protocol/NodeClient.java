package hotsm.vm.protocol;

import hotsm.vm.bytecode.Artifact;
import hotsm.vm.bytecode.ArtifactCodec;
import hotsm.vm.bytecode.Identity;
import hotsm.vm.node.InterfaceView;
import hotsm.vm.node.NodeInfo;
import hotsm.vm.node.Refusal;
import hotsm.vm.node.SnapshotWritten;
import hotsm.vm.node.StateView;
import hotsm.vm.node.StepResult;
import hotsm.vm.node.VersionChange;
import hotsm.vm.trust.ReleaseSignature;
import hotsm.vm.value.Value;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A connection to a node (docs/protocol.md), safe to share between threads.
 * Blocking calls ({@link #info()}, {@link #step(Value)}, ...) throw a
 * {@link Refusal} (unchecked, as a local {@link hotsm.vm.node.Node} does) when
 * the node answers with an error: its message is the node's, ready to print
 * (for a refused upgrade, LANGUAGE.md §10's exact text). They throw
 * {@link IOException} when the connection fails. The
 * {@code ...Async} forms pipeline: send many, then wait.
 */
public final class NodeClient implements AutoCloseable {

    private static final int CONNECT_TIMEOUT_MS = 10_000;
    /** A peer that accepts the connection but sends no welcome within this time is not a node. */
    private static final int HANDSHAKE_TIMEOUT_MS = 10_000;

    private final Socket socket;
    private final DataOutputStream out;
    private final DataInputStream in;
    private final Map<Integer, CompletableFuture<Frame>> pending = new ConcurrentHashMap<>();
    private final AtomicInteger nextId = new AtomicInteger(1);
    private final Thread reader;
    private volatile IOException broken;
    /** Frames written but not flushed (guarded by {@code out}). */
    private boolean unflushed;
    /** Flushes what {@link #stepAsync} left in the buffer, batching the frames written meanwhile; started on first use. */
    private volatile Thread flusher;

    private NodeClient(Socket socket) throws IOException {
        this.socket = socket;
        this.out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream(), 1 << 16));
        this.in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 1 << 16));
        this.reader = new Thread(this::readReplies, "hotsm-client-" + socket.getRemoteSocketAddress());
        reader.setDaemon(true);
    }

    /** Connect speaking whatever version the node runs. */
    public static NodeClient connect(String host, int port) throws IOException {
        return connect(new HostPort(host, port), Optional.empty());
    }

    /** Connect speaking whatever version the node runs. */
    public static NodeClient connect(HostPort address) throws IOException {
        return connect(address, Optional.empty());
    }

    /**
     * Connect, saying in the handshake which version's interface this client
     * speaks by default; the node refuses the connection if it cannot adapt it.
     * Uses the default cookie and no TLS.
     */
    public static NodeClient connect(HostPort address, Optional<Identity> speaking) throws IOException {
        return connect(address, speaking, ConnectionSecurity.defaults());
    }

    /**
     * Connect with a cookie and optionally TLS (docs/security.md). Each side
     * proves it knows the cookie; a node that does not, or that refuses this
     * client's proof, is an {@link IOException} naming the cookie file.
     */
    public static NodeClient connect(HostPort address, Optional<Identity> speaking, ConnectionSecurity security)
            throws IOException {
        Socket s = new Socket();
        try {
            s.connect(new InetSocketAddress(address.host(), address.port()), CONNECT_TIMEOUT_MS);
            s.setTcpNoDelay(true);
            s.setSoTimeout(HANDSHAKE_TIMEOUT_MS);
            if (security.tls().isPresent()) s = startTls(s, address, security.tls().get());
            NodeClient c = new NodeClient(s);
            Handshake.Hello hello = new Handshake.Hello(Wire.PROTOCOL_VERSION, speaking);
            Handshake.writeHello(c.out, hello);
            Handshake.Greeting greeting;
            try {
                greeting = Handshake.readGreeting(c.in);
            } catch (java.net.SocketTimeoutException e) {
                throw new IOException(address + " did not answer the handshake within "
                        + HANDSHAKE_TIMEOUT_MS / 1000 + " seconds: is it a hotsm node?", e);
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
            Handshake.writeProof(c.out, proof.clientProof(hello.nonce(), challenge.nonce()));
            Handshake.Welcome w = Handshake.readWelcome(c.in);
            if (!w.accepted()) throw refused(w, address, security);
            s.setSoTimeout(0);
            c.reader.start();
            return c;
        } catch (ProtocolException e) {
            s.close();
            throw new IOException(address + " is not a hotsm node: " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    private static Socket startTls(Socket plain, HostPort address, javax.net.ssl.SSLContext context)
            throws IOException {
        javax.net.ssl.SSLSocket tls = (javax.net.ssl.SSLSocket) context.getSocketFactory()
                .createSocket(plain, address.host(), address.port(), true);
        TlsContexts.restrict(tls);
        tls.setUseClientMode(true);
        try {
            tls.startHandshake();
        } catch (javax.net.ssl.SSLException e) {
            tls.close();
            throw new IOException("the TLS handshake with " + address + " failed (" + e.getMessage()
                    + "): is the node's certificate among those given to --tls-trust, and does the node use TLS?", e);
        }
        return tls;
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

    /** Name, identity, types and version history of the running machine. */
    public NodeInfo info() throws IOException {
        return await(request(MessageType.INFO, new byte[0]), MessageType.INFO_REPLY, Messages::info);
    }

    /** Run one input, in the interface this connection speaks by default. */
    public StepResult step(Value input) throws IOException {
        return step(input, null);
    }

    /** Run one input from a client speaking version {@code speaking}'s interface (null: the connection's default). */
    public StepResult step(Value input, Identity speaking) throws IOException {
        return await(stepAsync(input, speaking), MessageType.OUTPUT, Messages::output);
    }

    /**
     * Send one input without waiting: the future holds the raw reply frame; read
     * it with {@link #output(CompletableFuture)}. Replies to one connection come
     * in the order the node ran the inputs. Writes are batched: the frame goes
     * into the buffer, and a flusher thread sends what has gathered there (so
     * many {@code stepAsync} calls in a row share a few writes).
     */
    public CompletableFuture<Frame> stepAsync(Value input, Identity speaking) throws IOException {
        return request(MessageType.STEP.code(),
                Messages.stepRequest(new Messages.StepRequest(Optional.ofNullable(speaking), input)), false);
    }

    /** Wait for a reply of {@link #stepAsync}. */
    public StepResult output(CompletableFuture<Frame> reply) throws IOException {
        return await(reply, MessageType.OUTPUT, Messages::output);
    }

    /**
     * The input and output types a client speaking version {@code identity}
     * uses with this node; a {@link Refusal} (UNKNOWN_INTERFACE) if the node
     * cannot adapt that version to the one it runs.
     */
    public InterfaceView interfaceOf(Identity identity) throws IOException {
        return await(request(MessageType.INTERFACE, Messages.interfaceRequest(identity)), MessageType.INTERFACE_REPLY,
                Messages::interfaceView);
    }

    /** The state and its type. */
    public StateView state() throws IOException {
        return await(request(MessageType.STATE, new byte[0]), MessageType.STATE_REPLY, Messages::state);
    }

    /** Send an artifact's bytes (a {@code .cam} file's content). */
    public VersionChange upgrade(byte[] artifact) throws IOException {
        return await(request(MessageType.UPGRADE, artifact), MessageType.CHANGED, Messages::changed);
    }

    public VersionChange upgrade(Artifact artifact) throws IOException {
        return upgrade(ArtifactCodec.encode(artifact));
    }

    /** Send an artifact's bytes with the release signature that authorises the upgrade (docs/security.md). */
    public VersionChange upgrade(byte[] artifact, ReleaseSignature signature) throws IOException {
        return await(request(MessageType.SIGNED_UPGRADE, Messages.signedUpgrade(signature, artifact)),
                MessageType.CHANGED, Messages::changed);
    }

    /** Downgrade with the release signature that authorises it. */
    public VersionChange downgrade(ReleaseSignature signature) throws IOException {
        return await(request(MessageType.SIGNED_DOWNGRADE, signature.encode()), MessageType.CHANGED,
                Messages::changed);
    }

    /** Ask a durable node to write a snapshot now ({@code sm snapshot}). */
    public SnapshotWritten snapshot() throws IOException {
        return await(request(MessageType.SNAPSHOT, new byte[0]), MessageType.SNAPSHOT_REPLY,
                Messages::snapshotWritten);
    }

    public VersionChange downgrade() throws IOException {
        return await(request(MessageType.DOWNGRADE, new byte[0]), MessageType.CHANGED, Messages::changed);
    }

    /** Send any frame (for tests of odd requests); the future holds the reply frame. */
    public CompletableFuture<Frame> request(int type, byte[] body) throws IOException {
        return request(type, body, true);
    }

    /** @param flush flush now (a caller about to wait), or leave it to the flusher (pipelining) */
    private CompletableFuture<Frame> request(int type, byte[] body, boolean flush) throws IOException {
        int id = nextId.getAndIncrement();
        CompletableFuture<Frame> reply = new CompletableFuture<>();
        pending.put(id, reply);
        if (broken != null) {
            pending.remove(id);
            throw broken;
        }
        try {
            synchronized (out) {
                FrameIO.write(out, new Frame(type, id, body), flush);
                if (flush) {
                    unflushed = false;
                } else if (!unflushed) {
                    unflushed = true;
                    wakeFlusher();
                }
            }
        } catch (IOException e) {
            pending.remove(id);
            throw e;
        }
        return reply;
    }

    private CompletableFuture<Frame> request(MessageType type, byte[] body) throws IOException {
        return request(type.code(), body);
    }

    /** Reads a reply body. */
    @FunctionalInterface
    private interface Decoder<T> {
        T decode(byte[] body) throws ProtocolException;
    }

    /** Called holding {@code out}. */
    private void wakeFlusher() {
        if (flusher == null) {
            flusher = new Thread(this::flushLoop, "hotsm-client-flush-" + socket.getRemoteSocketAddress());
            flusher.setDaemon(true);
            flusher.start();
        }
        java.util.concurrent.locks.LockSupport.unpark(flusher);
    }

    private void flushLoop() {
        while (!socket.isClosed()) {
            java.util.concurrent.locks.LockSupport.park(this);
            flushNow();
        }
    }

    /** Sends whatever is buffered. */
    private void flushNow() {
        synchronized (out) {
            if (!unflushed) return;
            unflushed = false;
            try {
                out.flush();
            } catch (IOException e) {
                close();   // the reader sees the closed socket and fails every pending reply
            }
        }
    }

    private <T> T await(CompletableFuture<Frame> reply, MessageType expected, Decoder<T> decoder)
            throws IOException {
        if (!reply.isDone()) flushNow();   // about to wait: do not leave our own request in the buffer
        Frame f;
        try {
            f = reply.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the node");
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            throw c instanceof IOException io ? io : new IOException(String.valueOf(c.getMessage()), c);
        }
        try {
            if (f.messageType() == MessageType.ERROR) throw Messages.error(f.body()).toRefusal();
            if (f.messageType() != expected) {
                throw new IOException("the node answered " + f.messageType() + " where " + expected + " was expected");
            }
            return decoder.decode(f.body());
        } catch (ProtocolException e) {
            throw new IOException("unreadable reply from the node: " + e.getMessage(), e);
        }
    }

    private void readReplies() {
        IOException why;
        try {
            while (true) {
                Frame f = FrameIO.read(in, Integer.MAX_VALUE - 8);
                if (f == null) {
                    why = new IOException("the node closed the connection");
                    break;
                }
                CompletableFuture<Frame> waiting = pending.remove(f.requestId());
                if (waiting != null) {
                    waiting.complete(f);
                } else if (f.messageType() == MessageType.ERROR) {
                    // Not tied to a request (a frame the node could not read): the connection is over.
                    String message;
                    try {
                        message = Messages.error(f.body()).message();
                    } catch (ProtocolException e) {
                        message = "unreadable error";
                    }
                    why = new IOException("the node closed the connection: " + message);
                    break;
                }
            }
        } catch (IOException e) {
            why = socket.isClosed() ? new IOException("connection closed") : new IOException("connection lost: "
                    + e.getMessage(), e);
        }
        broken = why;
        for (Integer id : pending.keySet()) {
            CompletableFuture<Frame> f = pending.remove(id);
            if (f != null) f.completeExceptionally(why);
        }
        close();
    }

    @Override
    public void close() {
        try {
            socket.close();
            Thread t = flusher;   // not under the write lock: a blocked writer must not keep the socket open
            if (t != null) java.util.concurrent.locks.LockSupport.unpark(t);
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
