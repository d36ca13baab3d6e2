package hotsm.cli.sm;

import hotsm.cli.CliError;
import hotsm.vm.node.NodeLimits;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * The flags of {@code sm node} for the node's own budgets (docs/security.md,
 * "Budgets"): values, history, artifacts, the trace queue and stopping.
 */
final class NodeBudgetOptions {
    static final int DEFAULT_STOP_SECONDS = 5;

    @Option(names = "--max-value", paramLabel = "BYTES", defaultValue = "" + NodeLimits.DEFAULT_MAX_VALUE_SIZE,
            description = "largest output or state (bytes of its wire encoding) a step or migration may produce; "
                    + "past it the step fails and the state is kept (default ${DEFAULT-VALUE})")
    long maxValue;

    @Option(names = "--max-history", paramLabel = "N", defaultValue = "" + NodeLimits.DEFAULT_MAX_HISTORY,
            description = "versions the history keeps; older ones are compacted and counted (default ${DEFAULT-VALUE})")
    int maxHistory;

    @Option(names = "--max-artifacts", paramLabel = "N", defaultValue = "" + NodeLimits.DEFAULT_MAX_ARTIFACTS,
            description = "artifacts kept for downgrades and old clients; the oldest is forgotten first"
                    + " (default ${DEFAULT-VALUE})")
    int maxArtifacts;

    @Option(names = "--trace-queue", paramLabel = "LINES", defaultValue = "" + TracePrinter.DEFAULT_QUEUE,
            description = "trace lines waiting to be printed; beyond that they are dropped and counted "
                    + "(default ${DEFAULT-VALUE})")
    int traceQueue;

    @Option(names = "--stop-timeout", paramLabel = "SECONDS", defaultValue = "" + DEFAULT_STOP_SECONDS,
            description = "on SIGTERM, queued requests are answered `the node is stopping` and the running "
                    + "step may finish for at most this long (default ${DEFAULT-VALUE})")
    double stopSeconds;

    NodeLimits limits() {
        if (maxValue < 16) throw CliError.usage("--max-value must be at least 16");
        if (maxHistory < 1) throw CliError.usage("--max-history must be at least 1");
        if (maxArtifacts < 1) throw CliError.usage("--max-artifacts must be at least 1");
        return new NodeLimits(maxValue, maxHistory, maxArtifacts);
    }

    int traceQueue() {
        if (traceQueue < 1) throw CliError.usage("--trace-queue must be at least 1");
        return traceQueue;
    }

    Duration stopTimeout() {
        return ServerBudgetOptions.seconds(stopSeconds, "--stop-timeout");
    }
}
