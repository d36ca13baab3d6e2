package hotsm.vm.protocol;

import hotsm.vm.bytecode.Identity;
import hotsm.vm.node.EventLog;
import hotsm.vm.node.NodeService;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.ssl.SslHandler;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ScheduledFuture;

/**
 * The first stage of every connection (docs/protocol.md, "Handshake"): read
 * the client's hello within the handshake timeout, check the magic and the
 * version, send the cookie challenge and check the client's proof
 * (docs/security.md), check the interface the client speaks (on the machine
 * thread), answer with a welcome, and then hand the connection to the frames ({@link
 * Next#accepted}); this handler then leaves the pipeline, passing on any bytes
 * that came after the hello. A refusal writes the welcome and closes.
 *
 * <p>Its own class so that later stages of the handshake (authentication)
 * slot in between the hello and the welcome.
 */
final class HandshakeHandler extends ByteToMessageDecoder {

    /** What to do with an accepted connection: set up its frame pipeline. */
    @FunctionalInterface
    interface Next {
        void accepted(ChannelHandlerContext ctx, Optional<Identity> speaking);
    }

    /** Magic, version and flags: the part of a hello that says how long the rest is. */
    private static final int MIN_HELLO = 4 + 2 + 1;
    /**
     * How long a refused connection is drained before it is closed. Closing a
     * socket with unread bytes (the rest of a hello, requests sent after it)
     * makes TCP reset the connection, and a reset can overtake the refusing
     * welcome; so the node sends the welcome, ends its side, and discards what
     * the client still sends until the client closes, at most this long.
     */
    static final Duration LINGER = Duration.ofSeconds(2);

    private final NodeService node;
    private final Duration timeout;
    private final Next next;
    /** Not null: refuse every hello with this message (the node is at its connection cap). */
    private final String refuseAll;
    private final CookieProof cookie;
    private ScheduledFuture<?> timer;
    private boolean answered;
    /** The welcome refused the connection: everything read from now on is discarded. */
    private boolean refused;
    /** Once read: the hello, and the nonce of the challenge sent for it. */
    private Handshake.Hello hello;
    private byte[] nodeNonce;

    HandshakeHandler(NodeService node, Duration timeout, Next next, String refuseAll, CookieProof cookie) {
        this.node = node;
        this.cookie = cookie;
        this.timeout = timeout;
        this.next = next;
        this.refuseAll = refuseAll;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        timer = ctx.executor().schedule(() -> {
            if (!answered) refuse(ctx, Handshake.REFUSED, "no hello and cookie proof within " + timeout.toSeconds()
                    + " seconds; closing the connection");
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    protected void handlerRemoved0(ChannelHandlerContext ctx) {
        if (timer != null) timer.cancel(false);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (refused) {
            in.skipBytes(in.readableBytes());
            return;
        }
        if (answered) return;   // waiting for the machine thread; later bytes stay for the frames
        if (hello == null) {
            readHello(ctx, in);
        } else {
            readProof(ctx, in);
        }
    }

    /** The hello: magic, version, flags, [identity], the client's nonce; answered with the node's challenge. */
    private void readHello(ChannelHandlerContext ctx, ByteBuf in) {
        int n = in.readableBytes();
        for (int i = 0; i < Math.min(n, Wire.MAGIC.length); i++) {
            if (in.getByte(in.readerIndex() + i) != Wire.MAGIC[i]) {
                in.skipBytes(n);
                refuse(ctx, Handshake.REFUSED, "this is a hotsm node: a connection must start with the magic \"HSMP\"");
                return;
            }
        }
        if (n < 6) return;
        int version = in.getUnsignedShort(in.readerIndex() + 4);
        if (version != Wire.PROTOCOL_VERSION) {
            in.skipBytes(n);
            refuse(ctx, Handshake.REFUSED, "this node speaks protocol version " + Wire.PROTOCOL_VERSION + ", not "
                    + version);
            return;
        }
        if (n < MIN_HELLO) return;
        int flags = in.getUnsignedByte(in.readerIndex() + MIN_HELLO - 1);
        int length = MIN_HELLO + ((flags & Handshake.HAS_INTERFACE) != 0 ? 32 : 0) + CookieProof.NONCE_LENGTH;
        if (n < length) return;
        byte[] bytes = new byte[length];
        in.readBytes(bytes);
        Handshake.Hello h;
        try {
            h = Handshake.readHello(new DataInputStream(new ByteArrayInputStream(bytes)));
        } catch (ProtocolException | IOException e) {
            refuse(ctx, Handshake.REFUSED, e.getMessage());
            return;
        }
        if (refuseAll != null) {
            refuse(ctx, Handshake.REFUSED, refuseAll);
            return;
        }
        // The cookie proof, before anything else the client sent is read.
        hello = h;
        nodeNonce = CookieProof.nonce();
        java.io.ByteArrayOutputStream challenge = new java.io.ByteArrayOutputStream();
        try {
            Handshake.writeChallenge(new java.io.DataOutputStream(challenge), new Handshake.Challenge(
                    Wire.PROTOCOL_VERSION, nodeNonce, cookie.nodeProof(h.nonce(), nodeNonce)));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);   // not on a byte array
        }
        ctx.writeAndFlush(Unpooled.wrappedBuffer(challenge.toByteArray()));
    }

    /** The client's proof that it knows the cookie; then the interface check and the welcome. */
    private void readProof(ChannelHandlerContext ctx, ByteBuf in) {
        if (in.readableBytes() < CookieProof.PROOF_LENGTH) return;
        byte[] proof = new byte[CookieProof.PROOF_LENGTH];
        in.readBytes(proof);
        answered = true;
        timer.cancel(false);
        if (!CookieProof.same(cookie.clientProof(hello.nonce(), nodeNonce), proof)) {
            refuse(ctx, Handshake.REFUSED_COOKIE, "wrong cookie: the client's proof does not match this node's cookie");
            return;
        }
        if (hello.speaking().isPresent()) {
            // Ask the machine thread; read nothing more until it answers.
            ctx.channel().config().setAutoRead(false);
            node.interfaceOf(hello.speaking().get()).whenCompleteAsync((view, failure) -> {
                if (failure == null) {
                    accept(ctx, hello.speaking());
                } else {
                    Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                            ? failure.getCause() : failure;
                    refuse(ctx, Handshake.REFUSED_INTERFACE, String.valueOf(cause.getMessage()));
                }
            }, ctx.executor());
        } else {
            accept(ctx, Optional.empty());
        }
    }

    private void accept(ChannelHandlerContext ctx, Optional<Identity> speaking) {
        try {
            ctx.writeAndFlush(welcome(Handshake.ACCEPTED, "hotsm node, protocol " + Wire.PROTOCOL_VERSION));
            next.accepted(ctx, speaking);
            ctx.pipeline().remove(this);
            ctx.channel().config().setAutoRead(true);
        } catch (RuntimeException | Error e) {
            EventLog.log("a handshake with " + ctx.channel().remoteAddress() + " failed", e);
            ctx.close();
        }
    }

    /**
     * Send a refusing welcome, end this side of the connection, and drain
     * (read and discard) what the client still sends until it closes, for at
     * most {@link #LINGER}: see there why not close at once.
     */
    private void refuse(ChannelHandlerContext ctx, int status, String message) {
        answered = true;
        refused = true;
        if (timer != null) timer.cancel(false);
        ctx.writeAndFlush(welcome(status, message)).addListener((ChannelFutureListener) written -> {
            if (!written.isSuccess()) {
                ctx.close();
                return;
            }
            SslHandler tls = ctx.pipeline().get(SslHandler.class);
            if (tls != null) {
                tls.closeOutbound();   // close_notify: the client reads the welcome, then the end
            } else if (ctx.channel() instanceof DuplexChannel duplex) {
                duplex.shutdownOutput();
            }
            ctx.channel().config().setAutoRead(true);
            ctx.executor().schedule(() -> { ctx.close(); }, LINGER.toMillis(), TimeUnit.MILLISECONDS);
        });
    }

    private static ByteBuf welcome(int status, String message) {
        return Unpooled.wrappedBuffer(Handshake.welcomeBytes(
                new Handshake.Welcome(Wire.PROTOCOL_VERSION, status, message)));
    }
}
