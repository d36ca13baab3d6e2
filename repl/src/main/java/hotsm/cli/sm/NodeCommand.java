package hotsm.cli.sm;

import hotsm.cli.Sm;
import hotsm.vm.bytecode.Artifact;
import hotsm.vm.node.Node;
import hotsm.vm.node.NodeListener;
import hotsm.vm.node.NodeOptions;
import hotsm.vm.protocol.NodeServer;
import hotsm.vm.protocol.Wire;
import hotsm.vm.verify.VerifyException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code sm node FILE(.cam|.sm) [--machine NAME] [--port N] [--bind ADDR] [--trace]}. */
@Command(name = "node", mixinStandardHelpOptions = true,
        description = {"Run a machine as a node that clients step and upgrade over TCP.", "",
                "The first line printed is `listening on HOST:PORT`. Inputs from every connection go through "
                        + "one queue to the thread that owns the machine, and upgrades enter the same queue, so "
                        + "each input runs wholly on the old or wholly on the new version. Runs until interrupted "
                        + "(Ctrl-C). The protocol is described in docs/protocol.md."})
public final class NodeCommand implements Callable<Integer> {

    @ParentCommand Sm sm;

    @Parameters(index = "0", paramLabel = "FILE", description = "a .cam artifact, or a .sm file (compiled first)")
    Path file;

    @Option(names = "--machine", paramLabel = "NAME",
            description = "which machine of a .sm file (`counter` or `Counter1.counter`); default: the only one")
    String machine;

    @Option(names = "--port", paramLabel = "N", defaultValue = "" + Wire.DEFAULT_PORT,
            description = "port to listen on (default ${DEFAULT-VALUE}); 0 picks a free one")
    int port;

    @Option(names = "--bind", paramLabel = "ADDR", defaultValue = "127.0.0.1",
            description = "address to listen on (default ${DEFAULT-VALUE}; 0.0.0.0 for every interface)")
    String bind;

    @Option(names = "--trace", negatable = true,
            description = "print `Output: v` and `New state: s` for each input, and upgrade results"
                    + " (default: on when standard input is a terminal)")
    Boolean trace;

    @Option(names = {"-I", "--include"}, paramLabel = "DIR", description = "where a .sm file's imports are looked for")
    List<Path> includes = new ArrayList<>();

    @Option(names = "--fuel", paramLabel = "N", defaultValue = "" + NodeOptions.DEFAULT_FUEL,
            description = "step limit: instructions one step or migration may run (default ${DEFAULT-VALUE})")
    long fuel;

    @Mixin ServerBudgetOptions budgets;

    @Mixin NodeBudgetOptions nodeBudgets;

    @Override public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535) throw CliError.usage("--port must be in 0..65535, got " + port);
        if (fuel <= 0) throw CliError.usage("--fuel must be positive");
        hotsm.vm.protocol.ServerLimits limits = budgets.limits();
        hotsm.vm.node.NodeLimits nodeLimits = nodeBudgets.limits();
        java.time.Duration stopTimeout = nodeBudgets.stopTimeout();
        Artifact artifact = ArtifactFiles.isSource(file)
                ? ArtifactFiles.compile(file, machine, includes, sm.err(), a -> false)
                : ArtifactFiles.requireMachine(file, ArtifactFiles.decode(file), machine);
        InetAddress address;
        try {
            address = InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw CliError.user("unknown address to bind: " + bind);
        }
        boolean tracing = trace != null ? trace : System.console() != null;
        TracePrinter tracer = tracing ? new TracePrinter(sm.out(), nodeBudgets.traceQueue()) : null;
        NodeListener listener = tracer != null ? tracer : NodeListener.NONE;
        Node node;
        try {
            node = Node.start(artifact, NodeOptions.defaults().withFuel(fuel).withListener(listener).withLimits(nodeLimits));
        } catch (VerifyException e) {
            throw CliError.user(file + " does not verify: " + e.getMessage());
        }
        NodeServer server;
        try {
            server = NodeServer.bind(node, address, port, limits);
        } catch (IOException e) {
            node.close();
            throw CliError.user("cannot listen on " + bind + ":" + port + ": " + e.getMessage());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            NodeShutdown.stop(server, node, tracer, stopTimeout);
            stopped.countDown();
        }, "hotsm-node-shutdown"));
        synchronized (sm.out()) {
            sm.out().println("listening on " + server.hostPort());
            sm.out().flush();
        }
        server.serve();   // only now, so the address is always the first line
        stopped.await();
        return Sm.OK;
    }
}
