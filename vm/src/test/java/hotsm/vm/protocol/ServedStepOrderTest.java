package hotsm.vm.protocol;

import static org.junit.jupiter.api.Assertions.*;

import hotsm.vm.bytecode.Identities;
import hotsm.vm.node.Node;
import hotsm.vm.node.NodeOptions;
import hotsm.vm.testing.SampleArtifacts;
import hotsm.vm.value.Value;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Steps run by the I/O thread that read them and steps too long for it (handed to the machine thread
 * and run again there) keep one connection's order, and each runs once (docs/protocol.md, "Threads").
 * Echo answers each string with the number of characters it has seen so far, so every reply says
 * exactly where its step fell.
 */
class ServedStepOrderTest {

    @Test
    void shortAndLongStepsPipelinedOnOneConnectionRunOnceInOrder() throws Exception {
        try (Node node = Node.start(SampleArtifacts.echo(), NodeOptions.defaults());
             NodeServer server = NodeServer.start(node, InetAddress.getLoopbackAddress(), 0);
             NodeClient c = NodeClient.connect(HostPort.parse(server.hostPort()),
                     Optional.of(Identities.of(SampleArtifacts.echo())))) {
            String longer = "x".repeat(150_000);   // more fuel than an I/O thread runs a step with
            List<String> inputs = new ArrayList<>();
            List<CompletableFuture<Frame>> replies = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String s = i % 10 == 3 ? longer : "ab";
                inputs.add(s);
                replies.add(c.stepAsync(Value.of(s), null));
            }
            long seen = 0;
            for (int i = 0; i < inputs.size(); i++) {
                seen += inputs.get(i).length();
                assertEquals(Value.of(inputs.get(i) + seen), c.output(replies.get(i)).output(), "step " + i);
            }
            assertEquals(Value.of(seen), c.state().value());
        }
    }
}
