package hotsm.cli.sm;

import hotsm.cli.MachineFiles;
import static org.junit.jupiter.api.Assertions.*;

import hotsm.vm.bytecode.Artifact;
import hotsm.vm.bytecode.Identity;
import hotsm.vm.node.Node;
import hotsm.vm.node.NodeOptions;
import hotsm.vm.protocol.ChangesUnderLoad;
import hotsm.vm.protocol.HostPort;
import hotsm.vm.protocol.NodeClient;
import hotsm.vm.protocol.NodeServer;
import hotsm.vm.types.TypeDesc;
import hotsm.vm.value.Value;
import hotsm.vm.value.ValueParser;
import hotsm.vm.value.ValuePrinter;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
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
            ChangesUnderLoad.Outcome o = ChangesUnderLoad.run(address, v1, incr, CLIENTS, PER_CLIENT,
                    r -> assertEquals("Ok", ValuePrinter.print(r.outputType(), r.output())),
                    new int[] {1000, 2500, 4000, 5500},
                    (k, admin) -> switch (k) {
                        case 0, 2 -> admin.upgrade(c2);
                        case 1 -> admin.downgrade();
                        default -> admin.upgrade(c3);
                    });
            try (NodeClient admin = NodeClient.connect(address)) {
                assertEquals(List.of("Upgrade successful!", "Downgrade successful!", "Upgrade successful!",
                        "Upgrade successful!"), o.changes());
                assertEquals(CLIENTS * PER_CLIENT, o.acknowledged());
                assertEquals("Counter3.counter", admin.info().name());
                assertEquals("(" + o.acknowledged() + ", False)",
                        ValuePrinter.print(admin.state().type(), admin.state().value()));
                var total = admin.step(ValueParser.parse(input, "Count"), v1);
                assertEquals("Total " + o.acknowledged(), ValuePrinter.print(total.outputType(), total.output()));
            }
        }
    }
}
