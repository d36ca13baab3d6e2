package hotsm.vm.protocol;

import hotsm.vm.bytecode.Identity;
import hotsm.vm.node.NodeService;
import hotsm.vm.node.NodeInfo;
import hotsm.vm.node.Refusal;
import hotsm.vm.node.StateView;
import hotsm.vm.node.StepResult;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One client of a {@link NodeServer}. The reader thread does the handshake,
 * then turns each frame into a node command; replies come back on the machine
 * thread as futures complete and are queued for the writer thread, so a slow
 * client never holds up the machine. At most {@link Wire#MAX_IN_FLIGHT}
 * requests wait for replies; beyond that the reader stops reading (back
 * pressure on that client alone).
 */
final class ServerConnection {

    /** A frame to send; {@code answers} says whether it settles a request (and frees its slot). */
    private record Outgoing(Frame frame, boolean answers) {}

    private static final Outgoing CLOSE = new Outgoing(new Frame(0, 0, new byte[0]), false);
    private static final int HANDSHAKE_TIMEOUT_MS = 30_000;

    private final NodeService node;
    private final Socket socket;
    private final int maxFrame;
    private final CookieProof cookie;
    private final Consumer<ServerConnection> onClosed;
    private final LinkedBlockingQueue<Outgoing> outbox = new LinkedBlockingQueue<>();
    private final Semaphore inFlight = new Semaphore(Wire.MAX_IN_FLIGHT);
    private Optional<Identity> speaking = Optional.empty();

    ServerConnection(NodeService node, Socket socket, int maxFrame, CookieProof cookie, Consumer<ServerConnection> onClosed) {
        this.node = node;
        this.socket = socket;
        this.maxFrame = maxFrame;
        this.cookie = cookie;
        this.onClosed = onClosed;
    }

    void start() {
        String who = String.valueOf(socket.getRemoteSocketAddress());
        Thread reader = new Thread(this::read, "hotsm-read-" + who);
        Thread writer = new Thread(this::write, "hotsm-write-" + who);
        reader.setDaemon(true);
        writer.setDaemon(true);
        writer.start();
        reader.start();
    }

    void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already gone
        }
    }

    private void read() {
        try {
            DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
            if (!handshake(in)) return;
            while (true) {
                Frame f;
                try {
                    f = FrameIO.read(in, maxFrame);
                } catch (FrameIO.BadLength e) {
                    ErrorCode code = e.length() > maxFrame ? ErrorCode.FRAME_TOO_LARGE : ErrorCode.MALFORMED;
                    send(new Frame(MessageType.ERROR, 0, Messages.error(code, e.getMessage()
                            + "; closing this connection")), false);
                    break;
                }
                if (f == null) break;
                inFlight.acquireUninterruptibly();
                dispatch(f);
            }
            // Answer everything already asked before closing.
            inFlight.acquireUninterruptibly(Wire.MAX_IN_FLIGHT);
        } catch (IOException | RuntimeException e) {
            // The client went away or sent a broken stream: only this connection ends.
        } finally {
            outbox.add(CLOSE);
        }
    }

    /** @return whether the client may go on */
    private boolean handshake(DataInputStream in) throws IOException {
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream()));
        socket.setSoTimeout(HANDSHAKE_TIMEOUT_MS);
        Handshake.Hello hello;
        try {
            hello = Handshake.readHello(in);
        } catch (ProtocolException e) {
            welcome(out, Handshake.REFUSED, e.getMessage());
            return false;
        }
        if (hello.version() != Wire.PROTOCOL_VERSION) {
            welcome(out, Handshake.REFUSED, "this node speaks protocol version " + Wire.PROTOCOL_VERSION + ", not "
                    + hello.version());
            return false;
        }
        // The cookie proof, before anything else the client sent is read.
        byte[] nonce = CookieProof.nonce();
        synchronized (socket) {
            Handshake.writeChallenge(out, new Handshake.Challenge(Wire.PROTOCOL_VERSION, nonce,
                    cookie.nodeProof(hello.nonce(), nonce)));
        }
        if (!CookieProof.same(cookie.clientProof(hello.nonce(), nonce), Handshake.readProof(in))) {
            welcome(out, Handshake.REFUSED_COOKIE, "wrong cookie: the client's proof does not match this node's"
                    + " cookie");
            return false;
        }
        if (hello.speaking().isPresent()) {
            try {
                node.interfaceOf(hello.speaking().get()).join();
            } catch (CompletionException e) {
                welcome(out, Handshake.REFUSED_INTERFACE, e.getCause().getMessage());
                return false;
            }
        }
        speaking = hello.speaking();
        socket.setSoTimeout(0);
        welcome(out, Handshake.ACCEPTED, "hotsm node, protocol " + Wire.PROTOCOL_VERSION);
        return true;
    }

    private void welcome(DataOutputStream out, int status, String message) throws IOException {
        synchronized (socket) {
            Handshake.writeWelcome(out, new Handshake.Welcome(Wire.PROTOCOL_VERSION, status, message));
        }
    }

    /** One case per request type; every request gets exactly one reply frame. */
    private void dispatch(Frame f) {
        int id = f.requestId();
        MessageType type = f.messageType();
        try {
            if (type == null || type.code() >= 0x80) {
                error(id, ErrorCode.UNKNOWN_REQUEST, "unknown request type 0x" + Integer.toHexString(f.type()));
                return;
            }
            switch (type) {
                case INFO -> { empty(f); reply(id, node.info(), MessageType.INFO_REPLY, Messages::info); }
                case STATE -> { empty(f); reply(id, node.state(), MessageType.STATE_REPLY, Messages::state); }
                case DOWNGRADE -> {
                    empty(f);
                    reply(id, node.downgrade(), MessageType.CHANGED, Messages::changed);
                }
                case PING -> send(new Frame(MessageType.PONG, id, new byte[0]), true);
                case INTERFACE -> reply(id, node.interfaceOf(Messages.interfaceRequest(f.body())),
                        MessageType.INTERFACE_REPLY, Messages::interfaceView);
                case STEP -> {
                    Messages.StepRequest r = Messages.stepRequest(f.body());
                    Identity as = r.speaking().or(() -> speaking).orElse(null);
                    CompletableFuture<StepResult> result = node.step(r.input(), as);
                    reply(id, result, MessageType.OUTPUT, Messages::output);
                }
                case UPGRADE -> reply(id, node.upgrade(f.body()), MessageType.CHANGED, Messages::changed);
                case SIGNED_UPGRADE -> {
                    Messages.SignedUpgrade u = Messages.signedUpgrade(f.body());
                    reply(id, node.upgrade(u.artifact(), u.signature()), MessageType.CHANGED, Messages::changed);
                }
                case SIGNED_DOWNGRADE -> reply(id, node.downgrade(Messages.signature(f.body())), MessageType.CHANGED,
                        Messages::changed);
                case SNAPSHOT -> {
                    empty(f);
                    reply(id, node.writeSnapshot(), MessageType.SNAPSHOT_REPLY, Messages::snapshotWritten);
                }
                case GROUP -> { empty(f); reply(id, node.group(), MessageType.GROUP_REPLY, body -> body); }
                default -> error(id, ErrorCode.UNKNOWN_REQUEST, "unknown request type " + type);
            }
        } catch (ProtocolException e) {
            error(id, ErrorCode.MALFORMED, "malformed " + type + " request: " + e.getMessage());
        }
    }

    private static void empty(Frame f) throws ProtocolException {
        if (f.body().length != 0) {
            throw new ProtocolException("expected an empty body, got " + f.body().length + " bytes");
        }
    }

    private <T> void reply(int id, CompletableFuture<T> result, MessageType type, Function<T, byte[]> encode) {
        result.whenComplete((value, failure) -> {
            if (failure == null) {
                send(new Frame(type, id, encode.apply(value)), true);
            } else {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                if (cause instanceof Refusal r) {
                    error(id, code(r.reason()), r.getMessage());
                } else {
                    error(id, ErrorCode.INTERNAL, "internal error in the node: " + cause);
                }
            }
        });
    }

    static ErrorCode code(Refusal.Reason reason) {
        return switch (reason) {
            case BAD_VALUE -> ErrorCode.BAD_VALUE;
            case STEP_FAILED -> ErrorCode.STEP_FAILED;
            case UNKNOWN_INTERFACE -> ErrorCode.UNKNOWN_INTERFACE;
            case UPGRADE_REFUSED -> ErrorCode.UPGRADE_REFUSED;
            case DOWNGRADE_REFUSED -> ErrorCode.DOWNGRADE_REFUSED;
            case STOPPED -> ErrorCode.STOPPED;
            case PROTOCOL -> ErrorCode.MALFORMED;
            case INTERNAL -> ErrorCode.INTERNAL;
            case NOT_DURABLE -> ErrorCode.NOT_DURABLE;
        };
    }

    private void error(int id, ErrorCode code, String message) {
        send(new Frame(MessageType.ERROR, id, Messages.error(code, message)), true);
    }

    private void send(Frame f, boolean answers) {
        outbox.add(new Outgoing(f, answers));
    }

    private void write() {
        boolean dead = false;
        DataOutputStream out = null;
        try {
            out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream()));
        } catch (IOException e) {
            dead = true;
        }
        while (true) {
            Outgoing o;
            try {
                o = outbox.take();
            } catch (InterruptedException e) {
                continue;
            }
            if (o == CLOSE) break;
            if (!dead) {
                try {
                    synchronized (socket) {
                        FrameIO.write(out, o.frame(), outbox.isEmpty());
                    }
                } catch (IOException e) {
                    dead = true;   // keep draining so the reader's slots are freed
                    close();
                }
            }
            if (o.answers()) inFlight.release();
        }
        try {
            if (!dead) out.flush();
        } catch (IOException ignored) {
            // closing anyway
        }
        close();
        onClosed.accept(this);
    }
}
