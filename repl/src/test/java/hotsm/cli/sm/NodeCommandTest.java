package hotsm.cli.sm;

import static hotsm.vm.node.CounterArtifacts.*;
import static org.junit.jupiter.api.Assertions.*;

import hotsm.vm.bytecode.ArtifactCodec;
import hotsm.vm.protocol.Frame;
import hotsm.vm.protocol.HostPort;
import hotsm.vm.protocol.NodeClient;
import hotsm.vm.value.Value;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
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
            assertTrue(node.nextLine().matches("Counter1\\.counter [0-9a-f]{8} -> Counter2\\.counter [0-9a-f]{8}"));
            SmRun.of("send", node.address, "Incr");
            assertEquals(List.of("Output: Ok", "New state: (2, 3)"), node.nextLines(2));

            assertEquals(1, SmRun.of("upgrade", node.address, c2.toString()).status());
            assertEquals("The version running isn't the one the upgrade expects. Aborting upgrade.", node.nextLine());

            Path junk = Files.write(dir.resolve("junk.cam"), new byte[] {'H', 'S', 'M', '?'});
            SmRun bad = SmRun.of("upgrade", node.address, junk.toString());
            assertEquals(1, bad.status());
            assertTrue(bad.out().startsWith("The artifact could not be read: "), bad.out());
            assertEquals(bad.lines().get(0), node.nextLine());

            assertEquals(0, SmRun.of("downgrade", node.address).status());
            assertEquals("Downgrade successful!", node.nextLine());
            assertTrue(node.nextLine().matches("Counter2\\.counter [0-9a-f]{8} -> Counter1\\.counter [0-9a-f]{8}"));
            assertEquals(List.of("3"), SmRun.of("state", node.address).lines());
            assertTrue(node.alive(), node.stderr());
        }
    }

    @Test
    @org.junit.jupiter.api.Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES)
    void aReaderThatNeverDrainsTheTraceDoesNotStallTheNode() throws Exception {
        Path c1 = Files.write(dir.resolve("Counter1.counter.cam"), ArtifactCodec.encode(counter1()));
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Dhotsm.cookie=" + hotsm.vm.protocol.Cookie.defaultFile(), "hotsm.cli.Sm", "node", c1.toString(),
                "--port", "0", "--trace").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            // Read the first line byte by byte, then never read standard output again.
            StringBuilder first = new StringBuilder();
            for (int b; (b = p.getInputStream().read()) != '\n' && b >= 0; ) first.append((char) b);
            String address = first.toString().replace("listening on ", "");
            try (NodeClient c = NodeClient.connect(HostPort.parse(address))) {
                List<CompletableFuture<Frame>> replies = new ArrayList<>();
                for (int i = 0; i < 20_000; i++) replies.add(c.stepAsync(INCR, null));
                for (CompletableFuture<Frame> r : replies) assertEquals(OK, c.output(r).output());
                assertEquals(Value.of(20_000), c.state().value());
            }
        } finally {
            p.destroyForcibly().waitFor();
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
