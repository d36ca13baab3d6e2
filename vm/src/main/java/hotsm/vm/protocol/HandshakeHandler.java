package hotsm.vm.protocol;

import hotsm.vm.bytecode.Identity;
import hotsm.vm.node.EventLog;
import hotsm.vm.node.NodeService;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
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
 * the client's hello within the handshake timeout, check the magic, the
 * version and the interface the client speaks (on the machine thread), answer
 * with a welcome, and then hand the connection to the frames ({@link
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

    /** The longest hello: magic, version, flags, an identity. */
    private static final int MAX_HELLO = 4 + 2 + 1 + 32;
    private static final int MIN_HELLO = 4 + 2 + 1;

    private final NodeService node;
    private final Duration timeout;
    private final Next next;
    /** Not null: refuse every hello with this message (the node is at its connection cap). */
    private final String refuseAll;
    private ScheduledFuture<?> timer;
    private boolean answered;

    HandshakeHandler(NodeService node, Duration timeout, Next next, String refuseAll) {
        this.node = node;
        this.timeout = timeout;
        this.next = next;
        this.refuseAll = refuseAll;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        timer = ctx.executor().schedule(() -> {
            if (!answered) refuse(ctx, Handshake.REFUSED, "no hello within " + timeout.toSeconds()
                    + " seconds; closing the connection");
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    protected void handlerRemoved0(ChannelHandlerContext ctx) {
        if (timer != null) timer.cancel(false);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (answered) return;   // waiting for the machine thread; later bytes stay for the frames
        int n = in.readableBytes();
        for (int i = 0; i < Math.min(n, Wire.MAGIC.length); i++) {
            if (in.getByte(in.readerIndex() + i) != Wire.MAGIC[i]) {
                in.skipBytes(n);
                refuse(ctx, Handshake.REFUSED, "this is a hotsm node: a connection must start with the magic \"HSMP\"");
                return;
            }
        }
        if (n < MIN_HELLO) return;
        int flags = in.getUnsignedByte(in.readerIndex() + MIN_HELLO - 1);
        int length = (flags & Handshake.HAS_INTERFACE) != 0 ? MAX_HELLO : MIN_HELLO;
        if (n < length) return;
        byte[] bytes = new byte[length];
        in.readBytes(bytes);
        answered = true;
        timer.cancel(false);
        Handshake.Hello hello;
        try {
            hello = Handshake.readHello(new DataInputStream(new ByteArrayInputStream(bytes)));
        } catch (ProtocolException | IOException e) {
            refuse(ctx, Handshake.REFUSED, e.getMessage());
            return;
        }
        if (refuseAll != null) {
            refuse(ctx, Handshake.REFUSED, refuseAll);
        } else if (hello.version() != Wire.PROTOCOL_VERSION) {
            refuse(ctx, Handshake.REFUSED, "this node speaks protocol version " + Wire.PROTOCOL_VERSION + ", not "
                    + hello.version());
        } else if (hello.speaking().isPresent()) {
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

    private void refuse(ChannelHandlerContext ctx, int status, String message) {
        answered = true;
        if (timer != null) timer.cancel(false);
        ctx.writeAndFlush(welcome(status, message)).addListener(ChannelFutureListener.CLOSE);
    }

    private static ByteBuf welcome(int status, String message) {
        return Unpooled.wrappedBuffer(Handshake.welcomeBytes(
                new Handshake.Welcome(Wire.PROTOCOL_VERSION, status, message)));
    }
}
