package hotsm.cli.sm;

import hotsm.cli.CliError;
import hotsm.vm.protocol.ServerLimits;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * The flags of {@code sm node} for the server's budgets (docs/security.md,
 * "Budgets"); each default is {@link ServerLimits#defaults()}'s.
 */
final class ServerBudgetOptions {
    @Option(names = "--max-connections", paramLabel = "N", defaultValue = "" + ServerLimits.DEFAULT_MAX_CONNECTIONS,
            description = "clients served at once; one more is refused in the handshake (default ${DEFAULT-VALUE})")
    int maxConnections;

    @Option(names = "--io-threads", paramLabel = "N", defaultValue = "" + ServerLimits.DEFAULT_IO_THREADS,
            description = "threads that serve all connections (default ${DEFAULT-VALUE})")
    int ioThreads;

    @Option(names = "--max-frame", paramLabel = "BYTES", defaultValue = "" + hotsm.vm.protocol.Wire.DEFAULT_MAX_FRAME,
            description = "largest request or reply frame (default ${DEFAULT-VALUE})")
    int maxFrame;

    @Option(names = "--max-buffered", paramLabel = "BYTES", defaultValue = "" + ServerLimits.DEFAULT_MAX_BUFFERED,
            description = "bytes all connections together may hold in frames being received, requests not yet "
                    + "answered and replies not yet sent (default ${DEFAULT-VALUE})")
    long maxBuffered;

    @Option(names = "--handshake-timeout", paramLabel = "SECONDS",
            defaultValue = "" + ServerLimits.DEFAULT_HANDSHAKE_SECONDS, description = "a new connection must send its hello within this (default ${DEFAULT-VALUE})")
    double handshakeSeconds;

    @Option(names = "--idle-timeout", paramLabel = "SECONDS", defaultValue = "" + ServerLimits.DEFAULT_IDLE_SECONDS,
            description = "a connection that sends nothing for this long, with nothing in flight, is closed"
                    + " (default ${DEFAULT-VALUE})")
    double idleSeconds;

    @Option(names = "--max-in-flight", paramLabel = "N", defaultValue = "" + hotsm.vm.protocol.Wire.MAX_IN_FLIGHT,
            description = "requests one connection may have waiting for replies before the node stops reading it"
                    + " (default ${DEFAULT-VALUE})")
    int maxInFlight;

    /** The limits, or a usage error naming the flag that is out of range. */
    ServerLimits limits() {
        if (maxConnections <= 0) throw CliError.usage("--max-connections must be positive");
        if (ioThreads <= 0) throw CliError.usage("--io-threads must be positive");
        if (maxFrame < hotsm.vm.protocol.Wire.FRAME_HEADER) {
            throw CliError.usage("--max-frame must be at least " + hotsm.vm.protocol.Wire.FRAME_HEADER);
        }
        if (maxBuffered < maxFrame) throw CliError.usage("--max-buffered must be at least --max-frame");
        if (maxInFlight <= 0) throw CliError.usage("--max-in-flight must be positive");
        return new ServerLimits(maxConnections, ioThreads, maxFrame, maxBuffered,
                seconds(handshakeSeconds, "--handshake-timeout"), seconds(idleSeconds, "--idle-timeout"),
                maxInFlight);
    }

    static Duration seconds(double s, String flag) {
        if (!(s > 0) || s > 1e9) throw CliError.usage(flag + " must be a positive number of seconds");
        return Duration.ofMillis(Math.max(1, Math.round(s * 1000)));
    }
}
