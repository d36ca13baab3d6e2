package hotsm.cli.sm;

import static hotsm.vm.node.CounterArtifacts.*;
import static org.junit.jupiter.api.Assertions.*;

import hotsm.vm.bytecode.ArtifactCodec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sm node} as a process: the first line, tracing, and staying up through bad requests. */
class NodeCommandTest {

    @TempDir Path dir;

    @Test
    void tracesEachInputAndEveryUpgrade() throws Exception {
        Path c1 = Files.write(dir.resolve("Counter1.counter.cam"), ArtifactCodec.encode(counter1()));
        Path c2 = Files.write(dir.resolve("Counter2.counter.cam"), ArtifactCodec.encode(counter2()));
        try (NodeProcess node = NodeProcess.start(c1.toString(), "--trace")) {
            assertTrue(node.address.matches("127\\.0\\.0\\.1:\\d+"), node.address);
            assertEquals(List.of("Ok", "Ok", "Total 2"), SmRun.of("send", node.address, "Incr", "Incr", "Count").lines());
            assertEquals(List.of("Output: Ok", "New state: 1", "Output: Ok", "New state: 2",
                    "Output: Total 2", "New state: 2"), node.nextLines(6));

            assertEquals(0, SmRun.of("upgrade", node.address, c2.toString()).status());
            assertEquals("Upgrade successful!", node.nextLine());
            SmRun.of("send", node.address, "Incr");
            assertEquals(List.of("Output: Ok", "New state: (2, 3)"), node.nextLines(2));

            assertEquals(1, SmRun.of("upgrade", node.address, c2.toString()).status());
            assertEquals("The version running isn't the one the upgrade expects. Aborting upgrade.", node.nextLine());

            assertEquals(0, SmRun.of("downgrade", node.address).status());
            assertEquals("Downgrade successful!", node.nextLine());
            assertEquals(List.of("3"), SmRun.of("state", node.address).lines());
            assertTrue(node.alive(), node.stderr());
        }
    }

    @Test
    void aMissingFileOrBusyPortIsAUserError() throws Exception {
        SmRun missing = SmRun.of("node", dir.resolve("nope.cam").toString());
        assertEquals(1, missing.status());
        assertTrue(missing.err().contains("no such file"), missing.err());

        Path c1 = Files.write(dir.resolve("c1.cam"), ArtifactCodec.encode(counter1()));
        try (var busy = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            SmRun taken = SmRun.of("node", c1.toString(), "--port", String.valueOf(busy.getLocalPort()));
            assertEquals(1, taken.status());
            assertTrue(taken.err().startsWith("sm: cannot listen on"), taken.err());
        }
        Path junk = Files.write(dir.resolve("junk.cam"), new byte[] {1, 2, 3});
        SmRun bad = SmRun.of("node", junk.toString());
        assertEquals(1, bad.status());
        assertTrue(bad.err().contains("not a valid artifact"), bad.err());
    }
}
