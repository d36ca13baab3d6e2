package hotsm.cli.sm;

import hotsm.vm.protocol.NodeClient;
import java.time.Duration;
import picocli.CommandLine.Option;

/** {@code --timeout SECONDS} of every client command: bounds the connect, the handshake and each reply. */
public final class ClientTimeoutOption {

    @Option(names = "--timeout", paramLabel = "SECONDS",
            description = "give up (exit 1, saying so) if the node does not accept the connection, answer the "
                    + "handshake or answer a request within this many seconds (default: "
                    + NodeClient.DEFAULT_CONNECT_SECONDS + " to connect, " + NodeClient.DEFAULT_REPLY_SECONDS
                    + " for each reply)")
    Double seconds;

    /** The number of seconds as given, checked as {@link #get} checks it; null if not given. */
    public Double seconds() {
        get();
        return seconds;
    }

    /** The timeout, or null for the client's defaults. */
    public Duration get() {
        return seconds == null ? null : ServerBudgetOptions.seconds(seconds, "--timeout");
    }
}
