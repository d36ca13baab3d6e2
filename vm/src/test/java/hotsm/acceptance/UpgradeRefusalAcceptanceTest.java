package hotsm.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hotsm.vm.bytecode.ArtifactCodec;
import hotsm.vm.node.CounterArtifacts;
import hotsm.vm.node.Node;
import hotsm.vm.node.NodeOptions;
import hotsm.vm.protocol.HostPort;
import hotsm.vm.protocol.NodeClient;
import hotsm.vm.protocol.NodeServer;
import java.net.InetAddress;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** What a client reads when a node refuses an upgrade: whole sentences, and the node unchanged. */
class UpgradeRefusalAcceptanceTest {

    @Test
    void anUnreadableArtifactIsRefusedInSentences() throws Exception {
        byte[] good = ArtifactCodec.encode(CounterArtifacts.counter2());
        byte[] truncated = Arrays.copyOf(good, good.length / 2);
        try (Node node = Node.start(CounterArtifacts.counter1(), NodeOptions.defaults());
                NodeServer server = NodeServer.start(node, InetAddress.getLoopbackAddress(), 0);
                NodeClient client = NodeClient.connect(HostPort.parse(server.hostPort()))) {
            RuntimeException e = assertThrows(RuntimeException.class, () -> client.upgrade(truncated));
            String m = e.getMessage();
            assertTrue(m.startsWith("The artifact could not be read: "), m);
            assertTrue(m.endsWith(". Aborting upgrade."), m);
            assertTrue(!m.contains(". . ") && !m.contains(".. "), m);
            assertEquals(CounterArtifacts.id1(), client.info().identity());
        }
    }
}
