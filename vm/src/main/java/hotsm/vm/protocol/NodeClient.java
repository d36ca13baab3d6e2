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
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A connection to a node (docs/protocol.md), safe to share between threads.
 * Blocking calls ({@link #info()}, {@link #step(Value)}, ...) throw a
 * {@link Refusal} (unchecked, as a local {@link hotsm.vm.node.Node} does) when
 * the node answers with an error: its message is the node's, ready to print
 * (for a refused upgrade, LANGUAGE.md §10's exact text). They throw
 * {@link IOException} when the connection fails. To pipeline, send many steps
 * and then read their outputs, use a {@link StepStream} ({@link #steps}); the
 * {@code ...Async} forms pipeline too, with a future per request.
 *
 * <p>A blocking call writes its request and reads the reply on the calling
 * thread itself when no other thread is reading the connection, so a
 * request–reply costs no hand-off between threads on the client; threads
 * that call at the same time share the connection, the one reading handing
 * the others their replies ({@link Replies}). Writes go through one buffer
 * ({@link RequestWriter}).
 */
public final class NodeClient implements AutoCloseable {

    /** How long a client waits to connect and for the welcome, unless told otherwise: a peer silent this long is not a node. */
    public static final int DEFAULT_CONNECT_SECONDS = 10;
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(DEFAULT_CONNECT_SECONDS);
    /** How long a client waits for a reply, unless told otherwise. */
    public static final int DEFAULT_REPLY_SECONDS = 30;
    public static final Duration DEFAULT_REPLY_TIMEOUT = Duration.ofSeconds(DEFAULT_REPLY_SECONDS);
    /** The largest reply frame a client reads (its memory grows only as the bytes arrive). */
    static final int MAX_REPLY_FRAME = 1 << 30;

    private final HostPort address;
    /** The handshake's streams; afterwards {@link #replies} reads and {@link #writer} writes. */
    private final DataOutputStream out;
    private final DataInputStream in;
    private final Replies replies;
    private final RequestWriter writer;
    private final Duration replyTimeout;
    /** The interface this connection speaks when a step names none: the hello's, or the version running at connect. */
    private volatile Identity speaking;
    /** The node's INFO (newest version) that fixed {@link #speaking}, when the hello named no interface. */
    private NodeInfo pinnedBy;
    /** That INFO, asked with the handshake's last message (and again at the next use if it failed); guarded by this. */
    private ReplySlot pinRequest;
    /**
     * Whether {@link #speaking} was learnt at connect rather than named in the
     * hello: then an upgrade or downgrade this client makes moves it to the
     * version it moved the node to (it asked for that version explicitly).
     */
    private boolean followsOwnChanges;

    private NodeClient(Socket socket, HostPort address, Duration replyTimeout) throws IOException {
        this.address = address;
        this.replyTimeout = replyTimeout;
        this.out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream(), 1 << 10));
        HandshakeInput buffered = new HandshakeInput(socket.getInputStream(), 1 << 10);
        this.in = new DataInputStream(buffered);
        // The replies are read from the handshake's buffer first: it may hold bytes read past the welcome.
        this.replies = new Replies(socket, new ReplyReader(buffered, socket.getInputStream(), MAX_REPLY_FRAME),
                address, replyTimeout);
        this.writer = new RequestWriter(socket.getOutputStream(), replies, address.toString());
    }

    /** Connect speaking the version the node runs now. */
    public static NodeClient connect(String host, int port) throws IOException {
        return connect(new HostPort(host, port), Optional.empty());
    }

    /** Connect speaking the version the node runs now. */
    public static NodeClient connect(HostPort address) throws IOException {
        return connect(address, Optional.empty());
    }

    /** With the default cookie, no TLS and the default timeouts. */
    public static NodeClient connect(HostPort address, Optional<Identity> speaking) throws IOException {
        return connect(address, speaking, null, ConnectionSecurity.defaults());
    }

    /** With the default cookie and no TLS. */
    public static NodeClient connect(HostPort address, Optional<Identity> speaking, Duration timeout)
            throws IOException {
        return connect(address, speaking, timeout, ConnectionSecurity.defaults());
    }

    /** With the default timeouts. */
    public static NodeClient connect(HostPort address, Optional<Identity> speaking, ConnectionSecurity security)
            throws IOException {
        return connect(address, speaking, null, security);
    }

    /**
     * Connect, saying in the handshake which version's interface this client
     * speaks by default; the node refuses the connection if it cannot adapt it.
     * Without one, the client asks which version runs right after the
     * handshake and speaks that one from then on (every step says so, so an
     * upgrade meanwhile never makes the node misread an input). With a cookie
     * and optionally TLS (docs/security.md): each side proves it knows the
     * cookie; a node that does not, or that refuses this client's proof, is an
     * {@link IOException} naming the cookie file.
     *
     * @param timeout bounds the connect, the handshake and each reply; null for the defaults
     *                ({@link #DEFAULT_CONNECT_TIMEOUT}, {@link #DEFAULT_REPLY_TIMEOUT})
     * @throws IOException saying which of them timed out
     */
    public static NodeClient connect(HostPort address, Optional<Identity> speaking, Duration timeout,
                                     ConnectionSecurity security) throws IOException {
        return connect(address, speaking, timeout != null ? timeout : DEFAULT_CONNECT_TIMEOUT,
                timeout != null ? timeout : DEFAULT_REPLY_TIMEOUT, security);
    }

    /** The same with the connect (and handshake) timeout apart from the reply timeout (tests of the latter). */
    static NodeClient connect(HostPort address, Optional<Identity> speaking, Duration connectTimeout,
                              Duration replyTimeout, ConnectionSecurity security) throws IOException {
        int connectMs = millis(connectTimeout);
        Socket s = new Socket();
        try {
            try {
                s.connect(new InetSocketAddress(address.host(), address.port()), connectMs);
            } catch (java.net.SocketTimeoutException e) {
                throw new IOException("could not connect to " + address + " within "
                        + ClientHandshake.seconds(connectTimeout), e);
            }
            s.setTcpNoDelay(true);
            s.setSoTimeout(connectMs);
            if (security.tls().isPresent()) s = startTls(s, address, security.tls().get());
            NodeClient c = new NodeClient(s, address, replyTimeout);
            // Ask which version runs now, sent with the handshake's last message and not waited for: the first
            // step waits for the answer. (A replicated member without a quorum cannot answer it, yet still
            // answers GROUP: see pin.)
            if (speaking.isEmpty()) {
                c.pinRequest = c.writer.send(MessageType.INFO.code(), Messages.infoRequest(1),
                        RequestWriter.Flush.BY_CALLER, null);
            }
            ClientHandshake.run(c.out, c.in, address, speaking, security, connectTimeout, c.writer.takeBuffered());
            c.speaking = speaking.orElse(null);
            c.followsOwnChanges = speaking.isEmpty();
            return c;
        } catch (ProtocolException e) {
            s.close();
            throw new IOException(address + " is not a hotsm node: " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    private static int millis(Duration d) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, d.toMillis()));
    }

    /**
     * The version whose interface this connection speaks when a step names
     * none: the hello's, else the one running at connect, moved by this
     * client's own upgrades and downgrades.
     */
    public Identity speaking() throws IOException {
        Identity s = speaking;
        return s != null ? s : pin().identity();
    }

    /**
     * The node's {@code INFO} for its newest version that fixed the interface
     * this connection speaks, asked right after the handshake and waited for
     * when first needed; empty if the hello named the interface.
     */
    public synchronized Optional<NodeInfo> speakingInfo() throws IOException {
        if (!followsOwnChanges) return Optional.empty();
        return Optional.of(pinnedBy != null ? pinnedBy : pin());
    }

    /**
     * Waits for the connect-time INFO. If the node could not answer it (a
     * replicated member without a leader waits for one up to its commit
     * timeout, then refuses {@code STOPPED}), the refusal is this call's, and
     * the next call asks again: no step is sent until the client knows which
     * interface it speaks, so a step never goes out naming none.
     */
    private synchronized NodeInfo pin() throws IOException {
        if (pinnedBy == null) {
            if (pinRequest == null) pinRequest = send(MessageType.INFO, Messages.infoRequest(1));
            try {
                pinnedBy = call(pinRequest, MessageType.INFO_REPLY, Messages::info);
            } catch (IOException | RuntimeException e) {
                pinRequest = null;
                throw e;
            }
            if (speaking == null) speaking = pinnedBy.identity();
        }
        return pinnedBy;
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

    /** Name, identity, types and version history of the running machine. */
    public NodeInfo info() throws IOException {
        return call(MessageType.INFO, new byte[0], MessageType.INFO_REPLY, Messages::info);
    }

    /**
     * The same with only the newest {@code versions} history entries (at least
     * the running one): cheap however long the node's history is.
     */
    public NodeInfo info(int versions) throws IOException {
        return call(MessageType.INFO, Messages.infoRequest(versions), MessageType.INFO_REPLY, Messages::info);
    }

    /** Run one input, in the interface this connection speaks by default. */
    public StepResult step(Value input) throws IOException {
        return step(input, null);
    }

    /** Run one input from a client speaking version {@code speaking}'s interface (null: the connection's default). */
    public StepResult step(Value input, Identity speaking) throws IOException {
        // Every step names its interface: the node refuses one that names none (docs/protocol.md).
        Identity as = speaking != null ? speaking : speaking();
        return output(replies.await(writer.step(as, input, RequestWriter.Flush.NOW, null)));
    }

    /**
     * A pipeline of steps for one thread, in the interface this connection
     * speaks by default (see {@link StepStream}), with
     * {@link StepStream#DEFAULT_WINDOW} steps in flight at most.
     */
    public StepStream steps() throws IOException {
        return steps(null, StepStream.DEFAULT_WINDOW);
    }

    /**
     * A pipeline of steps for one thread, speaking version {@code speaking}'s
     * interface (null: the connection's default), with at most {@code window}
     * steps in flight (1 to {@link Wire#MAX_IN_FLIGHT}).
     */
    public StepStream steps(Identity speaking, int window) throws IOException {
        return new StepStream(this, writer, replies, speaking != null ? speaking : speaking(), window);
    }

    /**
     * Send one input without waiting: the future holds the raw reply frame; read
     * it with {@link #output(CompletableFuture)}. Replies to one connection come
     * in the order the node ran the inputs. Writes are batched: the frame goes
     * into the buffer, and a flusher thread sends what has gathered there (so
     * many {@code stepAsync} calls in a row share a few writes). A
     * {@link StepStream} does the same without a future, a flusher or a reader
     * thread per client.
     */
    public CompletableFuture<Frame> stepAsync(Value input, Identity speaking) throws IOException {
        Identity as = speaking != null ? speaking : speaking();
        CompletableFuture<Frame> reply = new CompletableFuture<>();
        writer.step(as, input, RequestWriter.Flush.BY_FLUSHER, reply);
        return reply;
    }

    /** Wait for a reply of {@link #stepAsync}. */
    public StepResult output(CompletableFuture<Frame> reply) throws IOException {
        return decode(awaitReply(reply), MessageType.OUTPUT, Messages::output);
    }

    /**
     * The input and output types a client speaking version {@code identity}
     * uses with this node; a {@link Refusal} (UNKNOWN_INTERFACE) if the node
     * cannot adapt that version to the one it runs.
     */
    public InterfaceView interfaceOf(Identity identity) throws IOException {
        return call(MessageType.INTERFACE, Messages.interfaceRequest(identity), MessageType.INTERFACE_REPLY,
                Messages::interfaceView);
    }

    /** The state and its type. */
    public StateView state() throws IOException {
        return call(MessageType.STATE, new byte[0], MessageType.STATE_REPLY, Messages::state);
    }

    /** Send an artifact's bytes (a {@code .cam} file's content). */
    public VersionChange upgrade(byte[] artifact) throws IOException {
        return moved(call(MessageType.UPGRADE, artifact, MessageType.CHANGED, Messages::changed));
    }

    /** After this client moved the node: speak the new version if the connection's interface was not named. */
    private VersionChange moved(VersionChange change) {
        if (followsOwnChanges) speaking = change.to();
        return change;
    }

    public VersionChange upgrade(Artifact artifact) throws IOException {
        return upgrade(ArtifactCodec.encode(artifact));
    }

    /** Send an artifact's bytes with the release signature that authorises the upgrade (docs/security.md). */
    public VersionChange upgrade(byte[] artifact, ReleaseSignature signature) throws IOException {
        return call(MessageType.SIGNED_UPGRADE, Messages.signedUpgrade(signature, artifact), MessageType.CHANGED,
                Messages::changed);
    }

    /** Downgrade with the release signature that authorises it. */
    public VersionChange downgrade(ReleaseSignature signature) throws IOException {
        return call(MessageType.SIGNED_DOWNGRADE, signature.encode(), MessageType.CHANGED, Messages::changed);
    }

    /** Ask a durable node to write a snapshot now ({@code sm snapshot}). */
    public SnapshotWritten snapshot() throws IOException {
        return call(MessageType.SNAPSHOT, new byte[0], MessageType.SNAPSHOT_REPLY, Messages::snapshotWritten);
    }

    public VersionChange downgrade() throws IOException {
        return moved(call(MessageType.DOWNGRADE, new byte[0], MessageType.CHANGED, Messages::changed));
    }

    /** Send any frame (for tests of odd requests); the future holds the reply frame. */
    public CompletableFuture<Frame> request(int type, byte[] body) throws IOException {
        CompletableFuture<Frame> reply = new CompletableFuture<>();
        writer.send(type, body, RequestWriter.Flush.NOW, reply);
        return reply;
    }

    /** Sends a request whose reply this client's caller will {@link #call await}. */
    private ReplySlot send(MessageType type, byte[] body) throws IOException {
        return writer.send(type.code(), body, RequestWriter.Flush.NOW, null);
    }

    private <T> T call(MessageType type, byte[] body, MessageType expected, Decoder<T> decoder) throws IOException {
        return call(send(type, body), expected, decoder);
    }

    private <T> T call(ReplySlot slot, MessageType expected, Decoder<T> decoder) throws IOException {
        return decode(replies.await(slot), expected, decoder);
    }

    /** Reads a reply body. */
    @FunctionalInterface
    interface Decoder<T> {
        T decode(byte[] body) throws ProtocolException;
    }

    /** A reply's content, or the node's refusal ({@link Refusal}) when it answered with an error. */
    static <T> T decode(Frame f, MessageType expected, Decoder<T> decoder) throws IOException {
        try {
            expect(f, expected);
            return decoder.decode(f.body());
        } catch (ProtocolException e) {
            throw unreadable(e);
        }
    }

    /** A step's reply: {@link #decode} without a method reference, for a short command's start. */
    static StepResult output(Frame f) throws IOException {
        try {
            expect(f, MessageType.OUTPUT);
            return Messages.output(f.body());
        } catch (ProtocolException e) {
            throw unreadable(e);
        }
    }

    private static void expect(Frame f, MessageType expected) throws IOException, ProtocolException {
        if (f.messageType() == MessageType.ERROR) throw Messages.error(f.body()).toRefusal();
        if (f.messageType() != expected) {
            throw new IOException("the node answered " + f.messageType() + " where " + expected + " was expected");
        }
    }

    private static IOException unreadable(ProtocolException e) {
        return new IOException("unreadable reply from the node: " + e.getMessage(), e);
    }

    /**
     * Waits for the reply to a {@link #request} within the client's reply
     * timeout ({@code --timeout}), as every request of this client does; a
     * lost connection or a timeout is an {@code IOException} that says so.
     */
    public Frame awaitReply(CompletableFuture<Frame> reply) throws IOException {
        if (!reply.isDone()) writer.flush();   // about to wait: do not leave our own request in the buffer
        try {
            return reply.get(replyTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IOException("the node at " + address + " did not answer within "
                    + ClientHandshake.seconds(replyTimeout)
                    + " (--timeout)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the node");
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            throw c instanceof IOException io ? io : new IOException(String.valueOf(c.getMessage()), c);
        }
    }

    @Override
    public void close() {
        writer.close();
        replies.fail(new IOException("connection closed"));
    }
}
