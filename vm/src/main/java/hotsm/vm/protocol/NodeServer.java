package hotsm.vm.protocol;

import hotsm.vm.bytecode.Identity;
import hotsm.vm.node.EventLog;
import hotsm.vm.node.Node;
import hotsm.vm.node.NodeService;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Serves a {@link NodeService} (a node, or a member of a replicated group) over TCP (docs/protocol.md) with Netty: one thread
 * accepts, {@link ServerLimits#ioThreads()} event-loop threads serve every
 * connection, whatever their number (at most {@link
 * ServerLimits#maxConnections()}), and run a client's short steps themselves when the node is idle
 * ({@link Node#serveStep}) if it is a plain node; or, for a plain {@link Node} with
 * {@code -Dhotsm.node.serve=machine}, the node's machine thread serves them
 * all ({@link #connectionsOnMachineThread()}; docs/protocol.md, "Threads"). Each connection's pipeline is: idle timer,
 * {@link HandshakeHandler}, then {@link FrameDecoder} and {@link
 * RequestHandler}; the message codec ({@link Messages}, {@link WireIn},
 * {@link WireOut}) knows nothing of the transport. Whatever a client sends,
 * the worst that happens is that its request fails or its connection is
 * closed; errors on any of these threads are caught, answered and logged.
 */
public final class NodeServer implements AutoCloseable {

    private final NodeService node;
    private final ServerLimits limits;
    private final ConnectionSecurity security;
    private final CookieProof cookie;
    private final ByteBudget buffers;
    private final EventLoopGroup acceptor;
    /** The I/O threads of a service that is not a plain {@link Node} (null for a node: its machine thread serves). */
    private final EventLoopGroup workers;
    /**
     * Where an upgrade that arrives on a connection is prepared (decoded, verified, compiled, rehearsed)
     * before it is queued: not on the event loop, which may be the machine thread.
     */
    private final java.util.concurrent.ExecutorService preparer = java.util.concurrent.Executors.newSingleThreadExecutor(
            new DefaultThreadFactory("hotsm-prepare", true));
    private final Channel listening;
    /** The address asked to listen on ({@link #hostPort()} shows a wildcard bind as asked). */
    private final InetAddress asked;
    private final ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private final AtomicInteger open = new AtomicInteger();
    private volatile Faults faults = Faults.NONE;
    /** The plain node whose short steps the I/O threads run themselves ({@link Node#serveStep}), or null. */
    private final Node stepsOnIoThreads;
    private volatile boolean closed;

    private NodeServer(NodeService node, ServerLimits limits, ConnectionSecurity security, InetSocketAddress at)
            throws IOException {
        this.node = node;
        this.asked = at.getAddress();
        this.limits = limits;
        this.security = security;
        this.cookie = new CookieProof(security.cookie());
        this.buffers = new ByteBudget(limits.maxBuffered());
        this.acceptor = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("hotsm-accept", true),
                Transport.ioHandlers());
        // Served on a plain node's machine thread (an event loop) if so configured: a request is then read,
        // applied and answered there with no hand-off. Else, and for other services, by I/O threads.
        EventLoopGroup machine = Transport.serveOnMachineThread() && node instanceof Node n ? n.eventLoop() : null;
        this.stepsOnIoThreads = machine == null && Transport.stepsOnIoThreads() && node instanceof Node n ? n : null;
        this.workers = machine != null ? null : new MultiThreadIoEventLoopGroup(limits.ioThreads(),
                new DefaultThreadFactory("hotsm-io", true), Transport.ioHandlers());
        ServerBootstrap b = new ServerBootstrap()
                .group(acceptor, machine != null ? machine : workers)
                .channel(Transport.serverChannel())
                .option(ChannelOption.SO_BACKLOG, 128)
                .option(ChannelOption.SO_REUSEADDR, true)
                .option(ChannelOption.AUTO_READ, false)   // accept only once serve() is called
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(256 * 1024, 1024 * 1024))
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override protected void initChannel(SocketChannel ch) {
                        connect(ch);
                    }
                });
        try {
            this.listening = b.bind(at).sync().channel();
        } catch (Exception e) {
            shutDown();
            throw e instanceof IOException io ? io : new IOException(e.getMessage(), e);
        }
    }

    /** Listen on {@code bind}:{@code port} (port 0 picks a free one) and serve {@code node} within {@code limits}. */
    public static NodeServer start(NodeService node, InetAddress bind, int port, ServerLimits limits) throws IOException {
        NodeServer server = bind(node, bind, port, limits);
        server.serve();
        return server;
    }

    /** With the default limits but a frame maximum of {@code maxFrame} bytes. */
    public static NodeServer start(NodeService node, InetAddress bind, int port, int maxFrame) throws IOException {
        return start(node, bind, port, ServerLimits.defaults().withMaxFrame(maxFrame));
    }

    public static NodeServer start(NodeService node, InetAddress bind, int port) throws IOException {
        return start(node, bind, port, ServerLimits.defaults());
    }

    /**
     * Bind without accepting yet (clients that connect wait in the backlog),
     * so the caller can announce the address before any request is served;
     * then {@link #serve()}.
     */
    public static NodeServer bind(NodeService node, InetAddress bind, int port, ServerLimits limits) throws IOException {
        return bind(node, bind, port, limits, ConnectionSecurity.defaults());
    }

    /**
     * The same with a cookie and optionally TLS (docs/security.md): every
     * connection proves it knows the cookie before any request is read.
     */
    public static NodeServer bind(NodeService node, InetAddress bind, int port, ServerLimits limits,
                                  ConnectionSecurity security) throws IOException {
        return new NodeServer(node, limits, security, new InetSocketAddress(bind, port));
    }

    public static NodeServer bind(NodeService node, InetAddress bind, int port, int maxFrame,
                                  ConnectionSecurity security) throws IOException {
        return bind(node, bind, port, ServerLimits.defaults().withMaxFrame(maxFrame), security);
    }

    /** Listen and serve at once, with a cookie and optionally TLS. */
    public static NodeServer start(NodeService node, InetAddress bind, int port, ConnectionSecurity security)
            throws IOException {
        NodeServer server = bind(node, bind, port, ServerLimits.defaults(), security);
        server.serve();
        return server;
    }

    public static NodeServer bind(NodeService node, InetAddress bind, int port, int maxFrame) throws IOException {
        return bind(node, bind, port, ServerLimits.defaults().withMaxFrame(maxFrame));
    }

    /** Start accepting clients. */
    public void serve() {
        listening.config().setAutoRead(true);
    }

    public ServerLimits limits() { return limits; }

    /** Whether this server serves its connections on the node's machine thread (docs/protocol.md, "Threads"). */
    public boolean connectionsOnMachineThread() { return workers == null; }

    /** Connections open now (those being refused for the cap included, until they close). */
    public int connectionCount() { return open.get(); }

    /** Bytes the connections hold now, out of {@link ServerLimits#maxBuffered()}. */
    public long bufferedBytes() { return buffers.used(); }

    /** Where the node listens (with the port actually bound). */
    public InetSocketAddress address() {
        return (InetSocketAddress) listening.localAddress();
    }

    /** {@code 127.0.0.1:7070}. */
    public String hostPort() {
        return hostPort(address(), asked);
    }

    /**
     * {@code HOST:PORT} of a bound address as {@link HostPort#parse} reads it back: a wildcard bind
     * reads as the address asked for ({@code 0.0.0.0:7070}, where the socket may report the IPv6
     * wildcard {@code 0:0:0:0:0:0:0:0}), an IPv6 host in brackets.
     */
    static String hostPort(InetSocketAddress bound, InetAddress asked) {
        InetAddress host = bound.getAddress().isAnyLocalAddress() && asked != null && asked.isAnyLocalAddress()
                ? asked : bound.getAddress();
        return new HostPort(host.getHostAddress(), bound.getPort()).toString();
    }

    /** For tests: fail on purpose at a named point of a server thread. */
    void injectFaults(Faults f) {
        this.faults = f;
    }

    /** A new connection: count it against the cap, then start its handshake. */
    private void connect(SocketChannel ch) {
        try {
            faults.at("accept");
            int now = open.incrementAndGet();
            ch.closeFuture().addListener(f -> open.decrementAndGet());
            connections.add(ch);
            String refuse = now > limits.maxConnections()
                    ? "this node serves at most " + limits.maxConnections() + " connections at once; try again later"
                    : null;
            if (refuse != null) EventLog.log("refused a connection from " + ch.remoteAddress() + ": at the cap of "
                    + limits.maxConnections());
            if (security.tls().isPresent()) {
                javax.net.ssl.SSLEngine engine = security.tls().get().createSSLEngine();
                engine.setUseClientMode(false);
                engine.setEnabledProtocols(new String[] {TlsContexts.PROTOCOL});
                ch.pipeline().addLast("tls", new io.netty.handler.ssl.SslHandler(engine));
            }
            ch.pipeline().addLast("handshake", new HandshakeHandler(node, limits.handshakeTimeout(),
                    this::accepted, refuse, cookie));
        } catch (Throwable t) {   // OutOfMemoryError included: this connection is lost, the node accepts on
            EventLog.log("could not set up a connection from " + ch.remoteAddress(), t);
            ch.close();
        }
    }

    /** After a welcome: frames, requests, and the idle timer. */
    private void accepted(ChannelHandlerContext ctx, Optional<Identity> speaking) {
        ctx.pipeline().addLast("idle", new IdleStateHandler(limits.idleTimeout().toMillis(), 0, 0,
                TimeUnit.MILLISECONDS));
        ctx.pipeline().addLast("frames", new FrameDecoder(limits.maxFrame(), buffers));
        ctx.pipeline().addLast("requests", new RequestHandler(node, limits, buffers, faults, speaking, preparer,
                stepsOnIoThreads));
    }

    /** Stop accepting new connections; those open are served on (the first step of stopping a node). */
    public void stopAccepting() {
        listening.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
    }

    /**
     * Stop listening and close every connection once the replies already
     * produced are written (the node itself keeps running; close it separately).
     */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        stopAccepting();
        connections.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        shutDown();
    }

    private void shutDown() {
        acceptor.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        if (workers != null) workers.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        preparer.shutdown();
        acceptor.terminationFuture().awaitUninterruptibly(3, TimeUnit.SECONDS);
        if (workers != null) workers.terminationFuture().awaitUninterruptibly(3, TimeUnit.SECONDS);
    }
}
