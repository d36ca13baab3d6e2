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

    static IoHandlerFactory ioHandlers() {
        return EPOLL ? io.netty.channel.epoll.EpollIoHandler.newFactory() : NioIoHandler.newFactory();
    }

    static Class<? extends ServerChannel> serverChannel() {
        return EPOLL ? io.netty.channel.epoll.EpollServerSocketChannel.class : NioServerSocketChannel.class;
    }

    /**
     * {@code n} event loops on daemon threads named {@code name} (numbered if {@code n > 1}), each with
     * a stack of {@code stackBytes} (0: the JVM's default).
     */
    public static EventLoopGroup group(int n, String name, long stackBytes) {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory threads = r -> {
            String named = n == 1 ? name : name + "-" + count.incrementAndGet();
            Thread t = new FastThreadLocalThread(null, r, named, stackBytes);
            t.setDaemon(true);
            return t;
        };
        return new MultiThreadIoEventLoopGroup(n, threads, ioHandlers());
    }
}
