package hotsm.bench;

import hotsm.vm.node.Node;
import hotsm.vm.node.NodeOptions;
import hotsm.vm.node.StepResult;
import hotsm.vm.protocol.NodeClient;
import hotsm.vm.protocol.NodeServer;
import hotsm.vm.value.Value;
import hotsm.vm.value.ValueParser;
import java.net.InetAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;

/** A node running Counter1, in process and over TCP, against the plain Java baselines. */
final class NodeBench {
    private NodeBench() {}

    static final int WINDOW = 512;
    /** The pipelined clients' measurement: this many alternating rounds each. */
    static final int PIPELINED_ROUNDS = 8;

    /** Steps per second of a node driven in process by {@code producers} threads, each pipelining. */
    static double inProcess(Machines.Compiled counter, int producers, long ms) throws Exception {
        try (Node node = Node.start(counter.artifact(), NodeOptions.defaults())) {
            Value incr = ValueParser.parse(counter.artifact().input(), "Incr");
            LongAdder done = new LongAdder();
            long[] window = {0};
            Runnable producer = () -> {
                ArrayDeque<CompletableFuture<StepResult>> inFlight = new ArrayDeque<>();
                while (!Thread.currentThread().isInterrupted()) {
                    if (inFlight.size() == WINDOW) {
                        inFlight.poll().join();
                        done.increment();
                    }
                    inFlight.add(node.step(incr));
                }
            };
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < producers; i++) threads.add(new Thread(producer, "producer-" + i));
            threads.forEach(Thread::start);
            Thread.sleep(ms / 2);   // warm up
            long before = done.sum();
            long start = System.nanoTime();
            Thread.sleep(ms);
            long steps = done.sum() - before;
            double seconds = (System.nanoTime() - start) / 1e9;
            threads.forEach(Thread::interrupt);
            for (Thread t : threads) t.join();
            window[0] = steps;
            return steps / seconds;
        }
    }

    /** The TCP figures, in steps (or line requests) per second. */
    record Tcp(double nodeRr, double lineRr, double nodePipelined, double rawPipelined, double node4, double line4) {}

    static Tcp tcp(Machines.Compiled counter, long ms) throws Exception {
        Value incr = ValueParser.parse(counter.artifact().input(), "Incr");
        try (Node node = Node.start(counter.artifact(), NodeOptions.defaults());
             NodeServer server = NodeServer.start(node, InetAddress.getLoopbackAddress(), 0);
             LineServer line = new LineServer()) {
            int port = server.address().getPort();
            double nodeRr;
            try (NodeClient c = NodeClient.connect("127.0.0.1", port)) {
                nodeRr = Timing.rate(() -> {
                    for (int i = 0; i < 100; i++) c.step(incr);
                    return 100;
                }, ms / 2, ms);
            }
            double lineRr;
            try (LineServer.Client c = new LineServer.Client(line.port())) {
                lineRr = Timing.rate(() -> {
                    for (int i = 0; i < 100; i++) c.call("Incr");
                    return 100;
                }, ms / 2, ms);
            }
            double pipelined;
            double raw;
            // In alternating rounds: whichever ran first would pay for HotSpot compiling the node's pipelined path.
            try (NodeClient c = NodeClient.connect("127.0.0.1", port); RawClient r = new RawClient(port)) {
                hotsm.vm.bytecode.Identity speaking = hotsm.vm.bytecode.Identities.of(counter.artifact());
                double[] rates = Timing.alternate(() -> pipeline(c, incr, 20_000), () -> {
                    r.pipeline(speaking, incr, 20_000, WINDOW);
                    return 20_000;
                }, ms / 2, ms, PIPELINED_ROUNDS);
                pipelined = rates[0];
                raw = rates[1];
            }
            double node4 = parallel(4, ms, () -> {
                NodeClient c = NodeClient.connect("127.0.0.1", port);
                return () -> {
                    for (int i = 0; i < 50; i++) c.step(incr);
                    return 50;
                };
            });
            double line4 = parallel(4, ms, () -> {
                LineServer.Client c = new LineServer.Client(line.port());
                return () -> {
                    for (int i = 0; i < 50; i++) c.call("Incr");
                    return 50;
                };
            });
            return new Tcp(nodeRr, lineRr, pipelined, raw, node4, line4);
        }
    }

    /**
     * {@code count} steps through one client's {@link hotsm.vm.protocol.StepStream} (as {@code sm send}
     * pipelines), at most {@link #WINDOW} in flight, each reply decoded.
     */
    static long pipeline(NodeClient c, Value input, int count) throws Exception {
        hotsm.vm.protocol.StepStream steps = c.steps(null, WINDOW);
        for (int i = 0; i < count; i++) {
            if (steps.waiting() == WINDOW) steps.receive();
            steps.send(input);
        }
        while (steps.waiting() > 0) steps.receive();
        return count;
    }

    @FunctionalInterface
    interface ClientFactory {
        Timing.Batch open() throws Exception;
    }

    /** Total rate of {@code n} threads, each with its own client, each calling in turn. */
    static double parallel(int n, long ms, ClientFactory factory) throws Exception {
        List<Timing.Batch> clients = new ArrayList<>();
        for (int i = 0; i < n; i++) clients.add(factory.open());
        double[] rates = new double[n];
        List<Thread> threads = new ArrayList<>();
        Exception[] failed = new Exception[1];
        for (int i = 0; i < n; i++) {
            int k = i;
            threads.add(new Thread(() -> {
                try {
                    rates[k] = Timing.rate(clients.get(k), ms / 2, ms);
                } catch (Exception e) {
                    failed[0] = e;
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) t.join();
        if (failed[0] != null) throw failed[0];
        double total = 0;
        for (double r : rates) total += r;
        return total;
    }
}
