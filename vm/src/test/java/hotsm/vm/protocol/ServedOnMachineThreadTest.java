package hotsm.vm.protocol;

import static hotsm.vm.node.CounterArtifacts.*;
import static org.junit.jupiter.api.Assertions.*;

import hotsm.vm.bytecode.ArtifactCodec;
import hotsm.vm.node.Node;
import hotsm.vm.node.NodeOptions;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The node's ways of serving connections (docs/protocol.md, "Threads"): on I/O threads that run short
 * steps themselves when the node is idle (the default), on I/O threads that queue every request
 * ({@code -Dhotsm.node.serve=queue}), and on the machine thread itself ({@code
 * -Dhotsm.node.serve=machine}). Each way one
 * connection's requests are applied in the order sent, an upgrade included, though the upgrade is
 * prepared on another thread before it is queued.
 */
class ServedOnMachineThreadTest {

    @ParameterizedTest
    @ValueSource(strings = {"io", "queue", "machine"})
    void requestsSentAfterAnUpgradeAreAppliedAfterIt(String serve) throws Exception {
        String before = System.getProperty("hotsm.node.serve");
        System.setProperty("hotsm.node.serve", serve);
        try (Node node = Node.start(counter1(), NodeOptions.defaults());
             NodeServer server = NodeServer.start(node, InetAddress.getLoopbackAddress(), 0)) {
            assertEquals(serve.equals("machine"), server.connectionsOnMachineThread());
            try (NodeClient c = NodeClient.connect(HostPort.parse(server.hostPort()), Optional.of(id1()))) {
                List<CompletableFuture<Frame>> steps = new ArrayList<>();
                for (int i = 0; i < 100; i++) steps.add(c.stepAsync(INCR, null));
                // Pipelined: the upgrade, then an INFO and more steps, none waiting for a reply.
                CompletableFuture<Frame> upgrade = c.request(MessageType.UPGRADE.code(),
                        ArtifactCodec.encode(counter2()));
                CompletableFuture<Frame> info = c.request(MessageType.INFO.code(), new byte[0]);
                for (int i = 0; i < 100; i++) steps.add(c.stepAsync(INCR, null));
                CompletableFuture<Frame> count = c.stepAsync(COUNT, null);
                for (CompletableFuture<Frame> s : steps) assertEquals(OK, c.output(s).output());
                assertEquals(MessageType.CHANGED.code(), c.awaitReply(upgrade).type());
                assertEquals(id2(), Messages.info(c.awaitReply(info).body()).identity());
                assertEquals(total(200), c.output(count).output());
            }
        } finally {
            if (before == null) System.clearProperty("hotsm.node.serve");
            else System.setProperty("hotsm.node.serve", before);
        }
    }
}
