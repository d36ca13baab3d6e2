package hotsm.cli.sm;

import hotsm.vm.node.EventLog;
import hotsm.vm.node.Node;
import hotsm.vm.protocol.NodeServer;
import java.time.Duration;

/**
 * What {@code sm node} does on SIGTERM (or Ctrl-C), within a bound: stop
 * accepting connections, answer every queued request with "The node is
 * stopping.", let at most the running step finish, write the replies made,
 * close the connections, flush the trace.
 */
final class NodeShutdown {
    private NodeShutdown() {}

    static void stop(NodeServer server, Node node, TracePrinter tracer, Duration bound) {
        server.stopAccepting();
        if (!node.stop(bound)) {
            EventLog.log("a step still ran " + bound.toSeconds() + " s after the stop signal; abandoning it");
        }
        server.close();
        if (tracer != null) tracer.close();
    }
}
