package hotsm.vm.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * Cuts a connection's bytes into {@link Frame}s ({@code u32 length | u8 type
 * | u32 id | body}). Memory is reserved from the shared {@link ByteBudget} as
 * the bytes arrive, never on the strength of a length field: a header that
 * announces 16 MiB costs nine bytes until the body comes. A length over the
 * maximum (or under the header) is answered with an {@code ERROR} (id 0) and
 * the connection is closed, as is one whose bytes no longer fit the budget.
 */
final class FrameDecoder extends ByteToMessageDecoder {

    private static final int LENGTH_FIELD = 4;

    private final int maxFrame;
    private final ByteBudget budget;
    /** Bytes held in the cumulation buffer and reserved for them. */
    private long reserved;
    private boolean failed;

    FrameDecoder(int maxFrame, ByteBudget budget) {
        this.maxFrame = maxFrame;
        this.budget = budget;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (failed) {
            in.skipBytes(in.readableBytes());
            return;
        }
        int readable = in.readableBytes();
        if (readable > reserved) {
            if (!budget.reserve(readable - reserved)) {
                fail(ctx, in, ErrorCode.BUSY, "the node's receive buffers are full (" + budget.used() + " of "
                        + budget.limit() + " bytes held across connections); try again later");
                return;
            }
            reserved = readable;
        }
        if (readable < LENGTH_FIELD) return;
        long length = in.getUnsignedInt(in.readerIndex());
        if (length > maxFrame) {
            fail(ctx, in, ErrorCode.FRAME_TOO_LARGE, "a frame of " + length + " bytes exceeds the maximum of "
                    + maxFrame + " bytes");
            return;
        }
        if (length < Wire.FRAME_HEADER) {
            fail(ctx, in, ErrorCode.MALFORMED, "a frame of " + length + " bytes is shorter than its "
                    + Wire.FRAME_HEADER + "-byte header");
            return;
        }
        if (readable < LENGTH_FIELD + length) return;
        in.skipBytes(LENGTH_FIELD);
        int type = in.readUnsignedByte();
        int id = in.readInt();
        byte[] body = new byte[(int) length - Wire.FRAME_HEADER];
        in.readBytes(body);
        long held = LENGTH_FIELD + length;
        reserved -= held;   // now held by the request until it is answered
        out.add(new Received(new Frame(type, id, body), held));
    }

    /** What follows a bad length cannot be trusted: answer (id 0) and close. */
    private void fail(ChannelHandlerContext ctx, ByteBuf in, ErrorCode code, String message) {
        failed = true;
        in.skipBytes(in.readableBytes());
        budget.release(reserved);
        reserved = 0;
        Frame error = new Frame(MessageType.ERROR, 0, Messages.error(code, message + "; closing this connection"));
        ctx.writeAndFlush(Unpooled.wrappedBuffer(FrameIO.bytes(error))).addListener(written -> closeGently(ctx));
    }

    /**
     * Close after the reply: first the end of the stream (the client reads the reply, then end of file),
     * then the connection a moment later, reading and dropping what the client still sends meanwhile.
     * Closing at once with the client's bytes unread would reset the connection, and a reset can
     * throw away the reply before the client reads it.
     */
    private static void closeGently(ChannelHandlerContext ctx) {
        if (ctx.channel() instanceof io.netty.channel.socket.DuplexChannel d && d.isActive()) {
            d.shutdownOutput();
            ctx.channel().config().setAutoRead(true);
            ctx.executor().schedule(() -> { ctx.close(); }, 1, java.util.concurrent.TimeUnit.SECONDS);
        } else {
            ctx.close();
        }
    }

    @Override
    protected void handlerRemoved0(ChannelHandlerContext ctx) {
        budget.release(reserved);
        reserved = 0;
    }
}
