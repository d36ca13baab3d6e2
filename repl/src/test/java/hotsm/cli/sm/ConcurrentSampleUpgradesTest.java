package hotsm.cli.sm;

import hotsm.cli.MachineFiles;
import static org.junit.jupiter.api.Assertions.*;

import hotsm.vm.bytecode.Artifact;
import hotsm.vm.bytecode.Identity;
import hotsm.vm.node.Node;
import hotsm.vm.node.NodeOptions;
import hotsm.vm.node.VersionChange;
import hotsm.vm.protocol.HostPort;
import hotsm.vm.protocol.NodeClient;
import hotsm.vm.protocol.NodeServer;
import hotsm.vm.types.TypeDesc;
import hotsm.vm.value.Value;
import hotsm.vm.value.ValueParser;
import hotsm.vm.value.ValuePrinter;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Issue 4's load test with the compiled sample counters: four clients speaking
 * Counter1's interface each send 2,000 {@code Incr} while the node goes
 * 1 -> 2 -> 1 -> 2 -> 3. The final count is the number of acknowledged
 * increments: no input lost, none applied twice.
 */
class ConcurrentSampleUpgradesTest {

    private static final Path COUNTERS = Path.of(System.getProperty("hotsm.root", "."), "samples", "counter");
    private static final int CLIENTS = 4;
    private static final int PER_CLIENT = 2000;

    private static Artifact compile(String file) {
        return MachineFiles.compile(List.of(COUNTERS.resolve(file)), List.of()).artifacts().get(0).artifact();
    }

    @Test
    void everyAcknowledgedIncrementIsCountedOnce() throws Exception {
        Artifact c1 = compile("Counter1.sm");
        Artifact c2 = compile("Counter2.sm");
        Artifact c3 = compile("Counter3.sm");
        TypeDesc input = c1.input();
        Value incr = ValueParser.parse(input, "Incr");
        try (Node node = Node.start(c1, NodeOptions.defaults());
             NodeServer server = NodeServer.start(node, InetAddress.getLoopbackAddress(), 0)) {
            HostPort address = HostPort.parse(server.hostPort());
            Identity v1 = node.info().join().identity();
            AtomicInteger acknowledged = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            List<Future<?>> clients = new ArrayList<>();
            for (int k = 0; k < CLIENTS; k++) {
                clients.add(pool.submit(() -> {
                    try (NodeClient c = NodeClient.connect(address, Optional.of(v1))) {
                        for (int i = 0; i < PER_CLIENT; i++) {
                            var r = c.step(incr);
                            assertEquals("Ok", ValuePrinter.print(r.outputType(), r.output()));
                            acknowledged.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            List<String> changes = new ArrayList<>();
            try (NodeClient admin = NodeClient.connect(address)) {
                int[] thresholds = {1000, 2500, 4000, 5500};
                for (int step = 0; step < thresholds.length; step++) {
                    while (acknowledged.get() < thresholds[step] && !clients.stream().allMatch(Future::isDone)) {
                        Thread.sleep(1);
                    }
                    VersionChange c = switch (step) {
                        case 0, 2 -> admin.upgrade(c2);
                        case 1 -> admin.downgrade();
                        default -> admin.upgrade(c3);
                    };
                    changes.add(c.message());
                }
                for (Future<?> f : clients) f.get();
                pool.shutdown();
                assertEquals(List.of("Upgrade successful!", "Downgrade successful!", "Upgrade successful!",
                        "Upgrade successful!"), changes);
                assertEquals(CLIENTS * PER_CLIENT, acknowledged.get());
                assertEquals("Counter3.counter", admin.info().name());
                assertEquals("(" + acknowledged.get() + ", False)",
                        ValuePrinter.print(admin.state().type(), admin.state().value()));
                var total = admin.step(ValueParser.parse(input, "Count"), v1);
                assertEquals("Total " + acknowledged.get(), ValuePrinter.print(total.outputType(), total.output()));
            }
        }
    }
}
