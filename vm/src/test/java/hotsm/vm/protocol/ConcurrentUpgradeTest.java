package hotsm.vm.protocol;

import static hotsm.vm.node.CounterArtifacts.*;
import static org.junit.jupiter.api.Assertions.*;

import hotsm.vm.node.Node;
import hotsm.vm.node.NodeOptions;
import hotsm.vm.value.Value;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 4's load test: four clients, each sending 2,000 {@code Incr} in the
 * Counter1 interface, while the node goes 1 -> 2 -> 1 -> 2 -> 3 -> 2 -> 3. No
 * input is lost or applied twice: the final count is the number of
 * acknowledged increments.
 */
class ConcurrentUpgradeTest {

    private static final int CLIENTS = 4;
    private static final int PER_CLIENT = 2000;

    @Test
    void noInputIsLostOrAppliedTwiceAcrossUpgrades() throws Exception {
        try (Node node = Node.start(counter1(), NodeOptions.defaults());
             NodeServer server = NodeServer.start(node, InetAddress.getLoopbackAddress(), 0)) {
            HostPort address = HostPort.parse(server.hostPort());
            ChangesUnderLoad.Outcome o = ChangesUnderLoad.run(address, id1(), INCR, CLIENTS, PER_CLIENT,
                    r -> assertEquals(OK, r.output()), new int[] {800, 1600, 2400, 3200, 4000, 4800},
                    (k, admin) -> switch (k) {
                        case 0, 2 -> admin.upgrade(counter2());
                        case 1 -> admin.downgrade();
                        case 3, 5 -> admin.upgrade(counter3(true));
                        default -> admin.downgrade();
                    });
            try (NodeClient admin = NodeClient.connect(address)) {
                assertEquals(CLIENTS * PER_CLIENT, o.acknowledged());
                assertEquals(NAME3, admin.info().name());
                assertEquals(Value.pair(Value.of(o.acknowledged()), Value.FALSE), admin.state().value());
                assertEquals(total(o.acknowledged()), admin.step(COUNT, id1()).output());
                assertEquals(List.of("Upgrade successful!", "Downgrade successful!", "Upgrade successful!",
                        "Upgrade successful!", "Downgrade successful!", "Upgrade successful!"), o.changes());
            }
        }
    }
}
