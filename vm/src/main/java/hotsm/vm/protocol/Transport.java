package hotsm.vm.protocol;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.FastThreadLocalThread;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Which of Netty's transports the node's threads use, in one place: a server's
 * channels must be registered on event loops of the same transport, and a
 * node's machine thread is one such loop ({@link hotsm.vm.node.Node}).
 */
public final class Transport {
    private Transport() {}

    /**
     * Whether Netty's native epoll transport is used: on Linux when its library loads, unless
     * {@code -Dhotsm.epoll=off}; else Java's NIO. Same behaviour, fewer system calls per request.
     */
    public static final boolean EPOLL = !"off".equals(System.getProperty("hotsm.epoll")) && epollLoads();

    private static boolean epollLoads() {
        try {
            return io.netty.channel.epoll.Epoll.isAvailable();
        } catch (Throwable e) {   // the classes or the native library missing: NIO it is
            return false;
        }
    }

    /**
     * Whether a server serves a plain node's connections on the node's machine thread
     * ({@code -Dhotsm.node.serve=machine}, read when a server starts): each request is then read, applied
     * and answered on that one thread, but while a command runs (a long step, a blocked listener) the
     * node's connections are not served at all: no ping is answered, no "stopping" refusal is written,
     * until it ends. Off by default (docs/protocol.md, "Threads"): connections are served by I/O threads
     * of their own, see {@link #stepsOnIoThreads}.
     */
    static boolean serveOnMachineThread() {
        return "machine".equals(System.getProperty("hotsm.node.serve"));
    }

    /**
     * Whether a server's I/O threads run a client's short steps themselves when the node is idle
     * ({@link hotsm.vm.node.Node#serveStep}): the default. {@code -Dhotsm.node.serve=queue} queues
     * every request to the machine thread and back, as before (kept to measure one against the other).
     */
    static boolean stepsOnIoThreads() {
        return !"queue".equals(System.getProperty("hotsm.node.serve"));
    }

    static IoHandlerFactory ioHandlers() {
        return EPOLL ? io.netty.channel.epoll.EpollIoHandler.newFactory() : NioIoHandler.newFactory();
    }

    static Class<? extends ServerChannel> serverChannel() {
        return EPOLL ? io.netty.channel.epoll.EpollServerSocketChannel.class : NioServerSocketChannel.class;
    }

    /**
     * How long a node's machine loop polls for more work before it blocks, in microseconds
     * ({@code -Dhotsm.node.spin}; 0, the default: it blocks at once). See {@link SpinThenWait}.
     */
    static final long SPIN_MICROS = Long.getLong("hotsm.node.spin", 0);

    /** The same, for a node's machine thread: epoll with {@link SpinThenWait} if {@link #SPIN_MICROS} is set. */
    public static EventLoopGroup machineLoop(String name, long stackBytes) {
        IoHandlerFactory handlers = EPOLL && SPIN_MICROS > 0
                ? io.netty.channel.epoll.EpollIoHandler.newFactory(0, () -> new SpinThenWait(SPIN_MICROS * 1000))
                : ioHandlers();
        return group(1, name, stackBytes, handlers);
    }

    /**
     * {@code n} event loops on daemon threads named {@code name} (numbered if {@code n > 1}), each with
     * a stack of {@code stackBytes} (0: the JVM's default).
     */
    public static EventLoopGroup group(int n, String name, long stackBytes) {
        return group(n, name, stackBytes, ioHandlers());
    }

    private static EventLoopGroup group(int n, String name, long stackBytes, IoHandlerFactory handlers) {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory threads = r -> {
            String named = n == 1 ? name : name + "-" + count.incrementAndGet();
            Thread t = new FastThreadLocalThread(null, r, named, stackBytes);
            t.setDaemon(true);
            return t;
        };
        return new MultiThreadIoEventLoopGroup(n, threads, handlers);
    }
}
