package hotsm.vm.protocol;

import hotsm.vm.bytecode.Identity;
import hotsm.vm.node.EventLog;
import hotsm.vm.node.Node;
import hotsm.vm.node.NodeService;
import hotsm.vm.node.Refusal;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Turns a connection's requests into node commands and their results into
 * replies (docs/protocol.md, "Requests and replies"): every request gets
 * exactly one reply with its id. It runs on the connection's event loop;
 * replies are encoded there too (the machine thread itself when it serves the connections). A short
 * step may be run here too ({@link Node#serveStep}), its reply then written with the others
 * this loop's turn produced, one flush per connection.
 *
 * <p>Budgets: at most {@link ServerLimits#maxInFlight()} requests wait for
 * replies (then the node stops reading this connection until some are
 * answered); each reply reserves its bytes from the shared {@link ByteBudget}
 * until written (a reply that does not fit is replaced by a {@code BUSY}
 * error); reading also pauses while the client does not read its replies.
 * Any error on this thread, {@link OutOfMemoryError} included, costs the
 * request it happened in (an {@code INTERNAL} error reply), is logged, and
 * the connection and the node go on.
 */
final class RequestHandler extends ChannelInboundHandlerAdapter {

    /** The refusal of a STEP that names no interface, on a connection whose hello named none. */
    static final String NO_INTERFACE = "this STEP names no interface: a client states the version whose interface"
            + " it speaks, in the hello or in each STEP (INFO says which version runs); a step is never read against"
            + " whatever version runs when it is applied";

    private final NodeService node;
    private final ServerLimits limits;
    private final ByteBudget budget;
    private final Faults faults;
    private final Optional<Identity> speaking;
    /** Requests read but not started because too many are in flight (bounded by one read's worth). */
    private final ArrayDeque<Received> waiting = new ArrayDeque<>();
    private int inFlight;
    /** Where upgrades are prepared before they are queued (not this thread: it may be the machine thread). */
    private final java.util.concurrent.Executor preparer;
    /**
     * Whether an upgrade of this connection is being prepared and not yet queued: the requests read after
     * it wait (in {@link #waiting}), so they are queued after it, in the order the client sent them.
     */
    private boolean preparing;
    /** The plain node whose steps are asked with {@link Node#serveStep} (run here when short and it is idle), or null. */
    private final Node stepsHere;

    RequestHandler(NodeService node, ServerLimits limits, ByteBudget budget, Faults faults, Optional<Identity> speaking,
                   java.util.concurrent.Executor preparer, Node stepsHere) {
        this.preparer = preparer;
        this.stepsHere = stepsHere;
        this.node = node;
        this.limits = limits;
        this.budget = budget;
        this.faults = faults;
        this.speaking = speaking;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        reading = true;
        Received r = (Received) msg;
        if (preparing || inFlight >= limits.maxInFlight() || !waiting.isEmpty()) {
            waiting.add(r);
        } else {
            start(ctx, r);
        }
        updateReading(ctx);
    }

    private void start(ChannelHandlerContext ctx, Received r) {
        inFlight++;
        try {
            faults.at("request");
            dispatch(ctx, r);
        } catch (Throwable t) {   // OutOfMemoryError included: this request fails, the connection goes on
            EventLog.log("request " + r.frame().requestId() + " of type 0x" + Integer.toHexString(r.frame().type())
                    + " from " + ctx.channel().remoteAddress() + " failed", t);
            answer(ctx, r, error(r, ErrorCode.INTERNAL, "the node could not serve this request: " + t));
        }
    }

    /** One case per request type; every request gets exactly one reply frame. */
    private void dispatch(ChannelHandlerContext ctx, Received r) {
        Frame f = r.frame();
        MessageType type = f.messageType();
        try {
            if (type == null || type.code() >= 0x80) {
                answer(ctx, r, error(r, ErrorCode.UNKNOWN_REQUEST, "unknown request type 0x"
                        + Integer.toHexString(f.type())));
                return;
            }
            switch (type) {
                case INFO -> {
                    Integer newest = Messages.infoRequest(f.body());
                    reply(ctx, r, node.info().thenApply(i -> i.newest(newest)), MessageType.INFO_REPLY, Messages::info);
                }
                case STATE -> { empty(f); reply(ctx, r, node.state(), MessageType.STATE_REPLY, Messages::state); }
                case DOWNGRADE -> { empty(f); reply(ctx, r, node.downgrade(), MessageType.CHANGED, Messages::changed); }
                case PING -> answer(ctx, r, new Frame(MessageType.PONG, f.requestId(), new byte[0]));
                case INTERFACE -> reply(ctx, r, node.interfaceOf(Messages.interfaceRequest(f.body())),
                        MessageType.INTERFACE_REPLY, Messages::interfaceView);
                case STEP -> {
                    Messages.StepRequest s = Messages.stepRequest(f.body());
                    Optional<Identity> as = s.speaking().or(() -> speaking);
                    if (as.isEmpty()) {
                        // Never read against whatever version runs when it is applied: an upgrade meanwhile
                        // would silently change the input's meaning (docs/protocol.md, "The interface is stated").
                        answer(ctx, r, error(r, ErrorCode.UNKNOWN_INTERFACE, NO_INTERFACE));
                        return;
                    }
                    reply(ctx, r, stepsHere != null ? stepsHere.serveStep(s.input(), as.get())
                            : node.step(s.input(), as.get()),
                            MessageType.OUTPUT, Messages::output);
                }
                case UPGRADE -> prepared(ctx, r, () -> node.upgrade(f.body()));
                case SIGNED_UPGRADE -> {
                    Messages.SignedUpgrade u = Messages.signedUpgrade(f.body());
                    prepared(ctx, r, () -> node.upgrade(u.artifact(), u.signature()));
                }
                case SIGNED_DOWNGRADE -> reply(ctx, r, node.downgrade(Messages.signature(f.body())), MessageType.CHANGED,
                        Messages::changed);
                case SNAPSHOT -> {
                    empty(f);
                    reply(ctx, r, node.writeSnapshot(), MessageType.SNAPSHOT_REPLY, Messages::snapshotWritten);
                }
                case GROUP -> { empty(f); reply(ctx, r, node.group(), MessageType.GROUP_REPLY, body -> body); }
                default -> answer(ctx, r, error(r, ErrorCode.UNKNOWN_REQUEST, "unknown request type " + type));
            }
        } catch (ProtocolException e) {
            answer(ctx, r, error(r, ErrorCode.MALFORMED, "malformed " + type + " request: " + e.getMessage()));
        }
    }

    /**
     * An upgrade: asked of the node on the {@link #preparer} thread, which prepares it before it is
     * queued (milliseconds of decoding, verifying and compiling that must not hold up the machine
     * thread, which may be this event loop); this connection's later requests wait until it is queued.
     */
    private void prepared(ChannelHandlerContext ctx, Received r,
                          java.util.function.Supplier<CompletableFuture<hotsm.vm.node.VersionChange>> upgrade) {
        preparing = true;
        preparer.execute(() -> {
            CompletableFuture<hotsm.vm.node.VersionChange> queued;
            try {
                queued = upgrade.get();
            } catch (Throwable t) {   // OutOfMemoryError included: this request fails, the connection goes on
                queued = CompletableFuture.failedFuture(t);
            }
            CompletableFuture<hotsm.vm.node.VersionChange> result = queued;
            ctx.executor().execute(() -> {
                preparing = false;
                reply(ctx, r, result, MessageType.CHANGED, Messages::changed);
                startWaiting(ctx);
            });
        });
    }

    private static void empty(Frame f) throws ProtocolException {
        if (f.body().length != 0) {
            throw new ProtocolException("expected an empty body, got " + f.body().length + " bytes");
        }
    }

    /** A request the node has answered, waiting for this connection's event loop to encode and write it. */
    private record Done(Received r, Object value, Throwable failure, MessageType type, Function<Object, byte[]> encode) {}

    /** Whether this connection's requests are being read now ({@link #channelRead} until {@link #channelReadComplete}). */
    private boolean reading;
    /** Whether replies were written during this read and not flushed yet. */
    private boolean unflushed;

    /** Answered requests in completion order: the machine thread (or any) adds, the event loop takes. */
    private final ConcurrentLinkedQueue<Done> done = new ConcurrentLinkedQueue<>();
    /** Whether a task to write {@link #done} is scheduled on the event loop and has not started taking yet. */
    private final AtomicBoolean writeScheduled = new AtomicBoolean();

    /**
     * When the node answers, encode the reply on this connection's event loop (in completion order).
     * Replies completed while the loop is busy are written together with one flush, and wake the loop
     * once: a pipelining client's replies cost one task and one write system call per batch.
     */
    @SuppressWarnings("unchecked")
    private <T> void reply(ChannelHandlerContext ctx, Received r, CompletableFuture<T> result, MessageType type,
                           Function<T, byte[]> encode) {
        if (result.isDone() && done.isEmpty() && ctx.executor().inEventLoop()) {
            // Answered already (a step run on this thread) and no earlier reply waits: written now, flushed
            // when this read ends (with the other replies it produced), or now if this is no read.
            Object value = null;
            Throwable failure = null;
            try {
                value = result.join();
            } catch (Throwable t) {
                failure = t;
            }
            answer(ctx, r, frameOf(ctx, new Done(r, value, failure, type, (Function<Object, byte[]>) encode)), !reading);
            unflushed |= reading;
            return;
        }
        result.whenComplete((value, failure) -> {
            done.add(new Done(r, value, failure, type, (Function<Object, byte[]>) encode));
            if (writeScheduled.compareAndSet(false, true)) ctx.executor().execute(() -> writeDone(ctx));
        });
    }

    /** On the event loop: encode and write every answered request, then flush once. */
    private void writeDone(ChannelHandlerContext ctx) {
        writeScheduled.set(false);   // before taking: a reply added from now on schedules another task
        Done d;
        boolean wrote = false;
        while ((d = done.poll()) != null) {
            answer(ctx, d.r(), frameOf(ctx, d), false);
            wrote = true;
        }
        if (wrote) ctx.flush();
    }

    private Frame frameOf(ChannelHandlerContext ctx, Done d) {
        Received r = d.r();
        Throwable failure = d.failure();
        if (failure == null) return encoded(ctx, r, d.type(), d.value(), d.encode());
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof Refusal refusal) return error(r, code(refusal.reason()), refusal.getMessage());
        EventLog.log("request " + r.frame().requestId() + " failed in the node", cause);
        return error(r, ErrorCode.INTERNAL, "internal error in the node: " + cause);
    }

    /** The reply, or an error reply (logged) if it cannot be encoded or is over the frame maximum. */
    private <T> Frame encoded(ChannelHandlerContext ctx, Received r, MessageType type, T value,
                              Function<T, byte[]> encode) {
        try {
            faults.at("reply");
            byte[] body = encode.apply(value);
            if ((long) body.length + Wire.FRAME_HEADER > limits.maxFrame()) {
                EventLog.log("the " + type + " reply to request " + r.frame().requestId() + " is " + body.length
                        + " bytes, over the frame maximum of " + limits.maxFrame());
                return error(r, ErrorCode.BUSY, "the reply (" + body.length + " bytes) exceeds the node's frame "
                        + "maximum of " + limits.maxFrame() + " bytes");
            }
            return new Frame(type, r.frame().requestId(), body);
        } catch (Throwable t) {
            EventLog.log("the " + type + " reply to request " + r.frame().requestId() + " from "
                    + ctx.channel().remoteAddress() + " could not be encoded", t);
            return error(r, ErrorCode.INTERNAL, "the node could not encode its reply: " + t);
        }
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

    private static Frame error(Received r, ErrorCode code, String message) {
        return new Frame(MessageType.ERROR, r.frame().requestId(), Messages.error(code, message));
    }

    /** Write and flush the one reply to {@code r} (on the event loop), then free its slot and its bytes. */
    private void answer(ChannelHandlerContext ctx, Received r, Frame reply) {
        answer(ctx, r, reply, true);
    }

    /** The same, flushing only if {@code flush} (else the caller flushes after a batch). */
    private void answer(ChannelHandlerContext ctx, Received r, Frame reply, boolean flush) {
        if (!ctx.executor().inEventLoop()) {
            ctx.executor().execute(() -> answer(ctx, r, reply, flush));
            return;
        }
        Frame f = reply;
        long size = 4L + Wire.FRAME_HEADER + f.body().length;
        if (!budget.reserve(size)) {
            EventLog.log("no buffer budget for a reply of " + size + " bytes to " + ctx.channel().remoteAddress());
            f = error(r, ErrorCode.BUSY, "the node's send buffers are full; try again later");
            size = 0;   // a small error goes out without a reservation
        }
        long held = size;
        io.netty.buffer.ByteBuf bytes = frameBytes(ctx, f);
        (flush ? ctx.writeAndFlush(bytes) : ctx.write(bytes)).addListener(written -> {
            budget.release(held);
            if (!written.isSuccess()) ctx.close();
        });
        budget.release(r.reserved());
        inFlight--;
        startWaiting(ctx);
    }

    /**
     * A reply's bytes in a buffer of the channel's allocator (direct with epoll), written there once: a heap
     * array wrapped would be copied into a direct buffer again by the transport, per reply.
     */
    private static io.netty.buffer.ByteBuf frameBytes(ChannelHandlerContext ctx, Frame f) {
        byte[] body = f.body();
        io.netty.buffer.ByteBuf b = ctx.alloc().ioBuffer(4 + Wire.FRAME_HEADER + body.length);
        return b.writeInt(Wire.FRAME_HEADER + body.length).writeByte(f.type()).writeInt(f.requestId()).writeBytes(body);
    }

    /** Start the requests that waited, in order, while there is room and no upgrade of this connection is being prepared. */
    private void startWaiting(ChannelHandlerContext ctx) {
        // A request answered at once (an error, a step run here) answers from inside start(): the loop
        // further up this thread's stack goes on, so a long wait line is not a deep recursion.
        if (startingWaiting) return;
        startingWaiting = true;
        try {
            while (!preparing && inFlight < limits.maxInFlight() && !waiting.isEmpty()) start(ctx, waiting.poll());
        } finally {
            startingWaiting = false;
        }
        updateReading(ctx);
    }

    /** Whether {@link #startWaiting} is running on this (the event loop's) thread. */
    private boolean startingWaiting;

    /** Read more only while few requests wait and the client reads its replies. */
    private void updateReading(ChannelHandlerContext ctx) {
        boolean read = !preparing && inFlight < limits.maxInFlight() && waiting.isEmpty()
                && ctx.channel().isWritable();
        if (ctx.channel().config().isAutoRead() != read) ctx.channel().config().setAutoRead(read);
    }

    /** The end of a read: one flush for the replies written during it. */
    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        reading = false;
        if (unflushed) {
            unflushed = false;
            ctx.flush();
        }
        ctx.fireChannelReadComplete();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        updateReading(ctx);
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof IdleStateEvent && inFlight == 0) {
            Frame bye = new Frame(MessageType.ERROR, 0, Messages.error(ErrorCode.STOPPED, "no request for "
                    + limits.idleTimeout().toSeconds() + " seconds; closing this connection"));
            ctx.writeAndFlush(Unpooled.wrappedBuffer(FrameIO.bytes(bye))).addListener(ChannelFutureListener.CLOSE);
        } else {
            ctx.fireUserEventTriggered(event);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        for (Received r : waiting) budget.release(r.reserved());
        waiting.clear();
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (!(cause instanceof java.io.IOException)) {   // a reset by the peer is not news
            EventLog.log("connection " + ctx.channel().remoteAddress() + " failed; closing it", cause);
        }
        ctx.close();
    }
}
