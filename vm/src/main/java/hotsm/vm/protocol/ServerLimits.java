package hotsm.vm.protocol;

import java.time.Duration;
import java.util.Objects;

/**
 * The budgets a {@link NodeServer} keeps, each with a safe default and a flag
 * of {@code sm node} (docs/security.md, "Budgets"). Exceeding one costs the
 * request (or at worst the connection) that exceeded it, never the node.
 *
 * @param maxConnections   clients served at once; one more is refused in the welcome
 * @param ioThreads        threads that serve every connection (Netty event loops)
 * @param maxFrame         the largest frame a client may send, in bytes (its length field)
 * @param maxBuffered      bytes all connections together may hold: frames being received (reserved
 *                         as their bytes arrive), requests not yet answered, replies not yet sent
 * @param handshakeTimeout how long a new connection may take to send its hello
 * @param idleTimeout      a connection that sends nothing for this long, with nothing in flight, is closed
 * @param maxInFlight      requests one connection may have waiting for replies before the node stops reading it
 */
public record ServerLimits(int maxConnections, int ioThreads, int maxFrame, long maxBuffered,
                           Duration handshakeTimeout, Duration idleTimeout, int maxInFlight) {

    public static final int DEFAULT_MAX_CONNECTIONS = 256;
    public static final int DEFAULT_IO_THREADS = 2;
    public static final long DEFAULT_MAX_BUFFERED = 256L * 1024 * 1024;
    public static final int DEFAULT_HANDSHAKE_SECONDS = 10;
    public static final int DEFAULT_IDLE_SECONDS = 600;
    public static final Duration DEFAULT_HANDSHAKE_TIMEOUT = Duration.ofSeconds(DEFAULT_HANDSHAKE_SECONDS);
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(DEFAULT_IDLE_SECONDS);

    public ServerLimits {
        positive(maxConnections, "the connection cap");
        positive(ioThreads, "the number of I/O threads");
        if (maxFrame < Wire.FRAME_HEADER) throw new IllegalArgumentException("the frame maximum must be at least "
                + Wire.FRAME_HEADER + " bytes");
        if (maxBuffered < maxFrame) throw new IllegalArgumentException("the buffer budget (" + maxBuffered
                + " bytes) must hold at least one frame of the maximum size (" + maxFrame + " bytes)");
        positive(handshakeTimeout, "the handshake timeout");
        positive(idleTimeout, "the idle timeout");
        positive(maxInFlight, "the requests in flight per connection");
    }

    private static void positive(long n, String what) {
        if (n <= 0) throw new IllegalArgumentException(what + " must be positive, got " + n);
    }

    private static void positive(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative() || d.isZero()) throw new IllegalArgumentException(what + " must be positive, got " + d);
    }

    public static ServerLimits defaults() {
        return new ServerLimits(DEFAULT_MAX_CONNECTIONS, DEFAULT_IO_THREADS, Wire.DEFAULT_MAX_FRAME,
                DEFAULT_MAX_BUFFERED, DEFAULT_HANDSHAKE_TIMEOUT, DEFAULT_IDLE_TIMEOUT, Wire.MAX_IN_FLIGHT);
    }

    public ServerLimits withMaxConnections(int n) {
        return new ServerLimits(n, ioThreads, maxFrame, maxBuffered, handshakeTimeout, idleTimeout, maxInFlight);
    }

    public ServerLimits withIoThreads(int n) {
        return new ServerLimits(maxConnections, n, maxFrame, maxBuffered, handshakeTimeout, idleTimeout, maxInFlight);
    }

    /** A frame maximum; the buffer budget grows to hold one such frame if it must. */
    public ServerLimits withMaxFrame(int n) {
        return new ServerLimits(maxConnections, ioThreads, n, Math.max(maxBuffered, n), handshakeTimeout,
                idleTimeout, maxInFlight);
    }

    public ServerLimits withMaxBuffered(long n) {
        return new ServerLimits(maxConnections, ioThreads, maxFrame, n, handshakeTimeout, idleTimeout, maxInFlight);
    }

    public ServerLimits withHandshakeTimeout(Duration d) {
        return new ServerLimits(maxConnections, ioThreads, maxFrame, maxBuffered, d, idleTimeout, maxInFlight);
    }

    public ServerLimits withIdleTimeout(Duration d) {
        return new ServerLimits(maxConnections, ioThreads, maxFrame, maxBuffered, handshakeTimeout, d, maxInFlight);
    }

    public ServerLimits withMaxInFlight(int n) {
        return new ServerLimits(maxConnections, ioThreads, maxFrame, maxBuffered, handshakeTimeout, idleTimeout, n);
    }
}
