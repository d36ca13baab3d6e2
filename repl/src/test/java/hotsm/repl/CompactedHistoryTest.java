package hotsm.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hotsm.vm.node.Node;
import hotsm.vm.node.NodeLimits;
import hotsm.vm.node.NodeOptions;
import hotsm.vm.protocol.NodeServer;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A node's history is bounded, "oldest entries compacted, count reported" (issue 10 item 7): `sm info`
 * says {@code (N older versions compacted)}; the REPL's {@code :history} listed the versions kept as if
 * they were all.
 */
class CompactedHistoryTest {

    @Test void historyOfANodeThatCompactedSaysHowManyVersionsAreNotListed() throws Exception {
        LoadedProgram counter1 = LoadedProgram.compile(Sessions.root().resolve(Path.of("samples", "counter", "Counter1.sm")));
        NodeLimits two = new NodeLimits(NodeLimits.DEFAULT_MAX_VALUE_SIZE, 2, NodeLimits.DEFAULT_MAX_ARTIFACTS);
        try (Node node = Node.start(counter1.artifact("Counter1.counter"), NodeOptions.defaults().withLimits(two));
             NodeServer server = NodeServer.start(node, InetAddress.getLoopbackAddress(), 0)) {
            List<String> out = Sessions.run(":connect " + server.hostPort(),
                    ":upgrade samples/counter/Counter2.sm", ":downgrade", ":upgrade samples/counter/Counter2.sm",
                    ":history");
            List<String> history = out.subList(4, out.size());
            assertEquals(3, history.size(), out.toString());
            assertEquals("(2 older versions compacted)", history.get(0));
            assertTrue(history.get(1).endsWith("dd23c603  Counter1.counter  (downgraded from 0c0749b2)"), history.toString());
            assertTrue(history.get(2).endsWith("0c0749b2  Counter2.counter  (upgraded from dd23c603)"), history.toString());
        }
    }
}
