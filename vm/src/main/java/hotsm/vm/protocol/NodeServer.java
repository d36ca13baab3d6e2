package hotsm.vm.protocol;

import hotsm.vm.node.NodeService;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLServerSocket;

/**
 * Serves a {@link NodeService} (a node, or a member of a replicated group) over TCP (docs/protocol.md): one accepting thread,
 * and per client a reading and a writing thread. Whatever a client sends,
 * the worst that happens is that its own connection is closed; the node and
 * its machine thread carry on.
 */
public final class NodeServer implements AutoCloseable {

    private final NodeService node;
    private final ServerSocket socket;
    private final int maxFrame;
    private final CookieProof cookie;
    private final Set<ServerConnection> connections = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private volatile boolean closed;

    private NodeServer(NodeService node, ServerSocket socket, int maxFrame, Cookie cookie) {
        this.node = node;
        this.socket = socket;
        this.maxFrame = maxFrame;
        this.cookie = new CookieProof(cookie);
        this.acceptor = new Thread(this::accept, "hotsm-accept-" + socket.getLocalPort());
        acceptor.setDaemon(true);
    }

    /**
     * Listen on {@code bind}:{@code port} (port 0 picks a free one) and serve {@code node}.
     *
     * @param maxFrame the largest frame length accepted ({@link Wire#DEFAULT_MAX_FRAME})
     */
    public static NodeServer start(NodeService node, InetAddress bind, int port, int maxFrame) throws IOException {
        NodeServer server = bind(node, bind, port, maxFrame);
        server.serve();
        return server;
    }

    /**
     * Bind without accepting yet (clients that connect wait in the backlog),
     * so the caller can announce the address before any request is served;
     * then {@link #serve()}.
     */
    public static NodeServer bind(NodeService node, InetAddress bind, int port, int maxFrame) throws IOException {
        return bind(node, bind, port, maxFrame, ConnectionSecurity.defaults());
    }

    /**
     * The same with a cookie and optionally TLS (docs/security.md): every
     * connection proves it knows the cookie before any request is read.
     */
    public static NodeServer bind(NodeService node, InetAddress bind, int port, int maxFrame, ConnectionSecurity security)
            throws IOException {
        ServerSocket ss;
        if (security.tls().isPresent()) {
            SSLServerSocket tls = (SSLServerSocket) security.tls().get().getServerSocketFactory().createServerSocket();
            tls.setEnabledProtocols(new String[] {TlsContexts.PROTOCOL});
            ss = tls;
        } else {
            ss = new ServerSocket();
        }
        ss.setReuseAddress(true);
        ss.bind(new InetSocketAddress(bind, port), 128);
        return new NodeServer(node, ss, maxFrame, security.cookie());
    }

    /** Listen and serve at once, with a cookie and optionally TLS. */
    public static NodeServer start(NodeService node, InetAddress bind, int port, ConnectionSecurity security)
            throws IOException {
        NodeServer server = bind(node, bind, port, Wire.DEFAULT_MAX_FRAME, security);
        server.serve();
        return server;
    }

    /** Start accepting clients (once). */
    public synchronized void serve() {
        if (acceptor.getState() == Thread.State.NEW) acceptor.start();
    }

    public static NodeServer start(NodeService node, InetAddress bind, int port) throws IOException {
        return start(node, bind, port, Wire.DEFAULT_MAX_FRAME);
    }

    /** Where the node listens (with the port actually bound). */
    public InetSocketAddress address() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    /** {@code 127.0.0.1:7070}. */
    public String hostPort() {
        return address().getAddress().getHostAddress() + ":" + address().getPort();
    }

    private void accept() {
        while (!closed) {
            try {
                Socket s = socket.accept();
                s.setTcpNoDelay(true);
                ServerConnection c = new ServerConnection(node, s, maxFrame, cookie, connections::remove);
                connections.add(c);
                c.start();
            } catch (SocketException e) {
                if (closed) return;
            } catch (IOException | RuntimeException e) {
                // One failed accept (too many files, a reset) must not stop the node from listening.
                if (closed) return;
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stop listening and close every connection (the node itself keeps running; close it separately). */
    @Override
    public void close() {
        closed = true;
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (ServerConnection c : connections) c.close();
    }
}
