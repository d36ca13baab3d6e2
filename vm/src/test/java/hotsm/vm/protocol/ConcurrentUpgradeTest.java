package hotsm.vm.protocol;

import static hotsm.vm.node.CounterArtifacts.*;
import static org.junit.jupiter.api.Assertions.*;

import hotsm.vm.node.Node;
import hotsm.vm.node.NodeOptions;
import hotsm.vm.node.VersionChange;
import hotsm.vm.value.Value;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
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
            AtomicInteger acknowledged = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            List<Future<?>> clients = new ArrayList<>();
            for (int k = 0; k < CLIENTS; k++) {
                clients.add(pool.submit(() -> {
                    try (NodeClient c = NodeClient.connect(address, Optional.of(id1()))) {
                        for (int i = 0; i < PER_CLIENT; i++) {
                            assertEquals(OK, c.step(INCR).output());
                            acknowledged.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            List<String> changes = new ArrayList<>();
            try (NodeClient admin = NodeClient.connect(address)) {
                int[] thresholds = {800, 1600, 2400, 3200, 4000, 4800};
                for (int step = 0; step < thresholds.length; step++) {
                    // Wait for the load to get this far (a failed client ends the wait; f.get() reports it).
                    while (acknowledged.get() < thresholds[step] && !clients.stream().allMatch(Future::isDone)) {
                        Thread.sleep(1);
                    }
                    VersionChange c = switch (step) {
                        case 0, 2 -> admin.upgrade(counter2());
                        case 1 -> admin.downgrade();
                        case 3, 5 -> admin.upgrade(counter3(true));
                        default -> admin.downgrade();
                    };
                    changes.add(c.message());
                }
                for (Future<?> f : clients) f.get();
                pool.shutdown();
                assertEquals(CLIENTS * PER_CLIENT, acknowledged.get());
                assertEquals(NAME3, admin.info().name());
                assertEquals(Value.pair(Value.of(acknowledged.get()), Value.FALSE), admin.state().value());
                assertEquals(total(acknowledged.get()), admin.step(COUNT, id1()).output());
                assertEquals(List.of("Upgrade successful!", "Downgrade successful!", "Upgrade successful!",
                        "Upgrade successful!", "Downgrade successful!", "Upgrade successful!"), changes);
            }
        }
    }
}
