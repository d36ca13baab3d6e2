package hotsm.cli.sm;

import static hotsm.vm.node.CounterArtifacts.counter1;
import static org.junit.jupiter.api.Assertions.*;

import hotsm.vm.bytecode.ArtifactCodec;
import hotsm.vm.node.Node;
import hotsm.vm.node.NodeOptions;
import hotsm.vm.protocol.NodeServer;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sm node --cluster} refuses what it cannot run in one line; {@code sm cluster status} of a single node. */
class ClusterOptionsTest {

    @TempDir Path dir;

    @Test
    void aMemberNeedsItsIdItsDataDirectoryAndAWellFormedGroup() throws Exception {
        String cam = Files.write(dir.resolve("c.cam"), ArtifactCodec.encode(counter1())).toString();
        String data = dir.resolve("d").toString();
        assertUsage("sm: --cluster needs --id (which member this is)", "node", cam, "--cluster", "a=h:1");
        assertUsage("sm: --cluster needs --data-dir (where this member keeps its log)",
                "node", cam, "--cluster", "a=h:1", "--id", "a");
        assertUsage("sm: --cluster: member a needs HOST:PORT with a port in 1..65535, got 'h'",
                "node", cam, "--cluster", "a=h", "--id", "a", "--data-dir", data);
        assertUsage("sm: --id b is not one of the members in --cluster (a)",
                "node", cam, "--cluster", "a=h:1", "--id", "b", "--data-dir", data);
        assertUsage("sm: FILE is needed to start a member on a fresh --data-dir " + data,
                "node", "--cluster", "a=h:1", "--id", "a", "--data-dir", data);
        assertUsage("sm: --fsync does not apply to --cluster: Ratis forces its log itself",
                "node", cam, "--cluster", "a=h:1", "--id", "a", "--data-dir", data, "--fsync", "never");
    }

    @Test
    void clusterStatusOfASingleNodeSaysSo() throws Exception {
        try (Node node = Node.start(counter1(), NodeOptions.defaults())) {
            NodeServer server = NodeServer.start(node, InetAddress.getLoopbackAddress(), 0);
            try {
                SmRun r = SmRun.of("cluster", "status", server.hostPort());
                assertEquals(1, r.status());
                assertEquals("sm: " + server.hostPort() + " is a single node, not a member of a replicated group\n",
                        r.err());
                SmRun info = SmRun.of("info", server.hostPort());
                assertEquals(0, info.status(), info.err());
                assertFalse(info.out().contains("group"), info.out());
            } finally {
                server.close();
            }
        }
    }

    private static void assertUsage(String message, String... args) {
        SmRun r = SmRun.of(args);
        assertEquals(2, r.status(), r.err());
        assertEquals(message + "\n", r.err());
    }
}
