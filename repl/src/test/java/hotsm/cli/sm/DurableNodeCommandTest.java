package hotsm.cli.sm;

import static hotsm.vm.node.CounterArtifacts.*;
import static org.junit.jupiter.api.Assertions.*;

import hotsm.vm.bytecode.ArtifactCodec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sm node --data-dir}, {@code --state}, {@code --tick} and {@code sm snapshot} from the command line. */
class DurableNodeCommandTest {
    @TempDir Path tmp;

    private Path write(String name, hotsm.vm.bytecode.Artifact a) throws Exception {
        return Files.write(tmp.resolve(name), ArtifactCodec.encode(a));
    }

    /** Poll {@code sm state} until it prints {@code wanted} or more (a generous cap: no timing assertion). */
    private static long waitForCount(String address, long wanted) throws InterruptedException {
        long n = -1;
        for (int i = 0; i < 3000 && n < wanted; i++) {
            n = Long.parseLong(SmRun.of("state", address).lines().get(0));
            if (n < wanted) Thread.sleep(10);
        }
        return n;
    }

    @Test
    void aDurableNodeResumesAfterARestartAndSaysSo() throws Exception {
        Path c1 = write("c1.cam", counter1());
        Path dir = tmp.resolve("data");
        long ticked;
        try (NodeProcess node = NodeProcess.start(c1.toString(), "--data-dir", dir.toString(), "--state", "40",
                "--tick", "5", "Incr", "--fsync", "batch", "10")) {
            assertEquals(List.of("started Counter1.counter " + id1().shortHex() + " in " + dir + " (a new journal)",
                    "journal: fsync batch 10, a snapshot every 100000 records"), node.nextLines(2));
            ticked = waitForCount(node.address, 45);
            assertTrue(ticked >= 45, "ticks: " + ticked);
            SmRun snap = SmRun.of("snapshot", node.address);
            assertEquals(0, snap.status(), snap.err());
            assertTrue(snap.out().matches("snapshot at record \\d+: " + java.util.regex.Pattern.quote(dir.toString())
                    + "/snapshot-\\d{20}\\.snap\\n"), snap.out());
        }
        try (NodeProcess node = NodeProcess.start("--data-dir", dir.toString(), "--fsync", "never")) {
            String resumed = node.nextLine();
            assertTrue(resumed.startsWith("resumed Counter1.counter " + id1().shortHex() + " from " + dir
                    + ": snapshot at record "), resumed);
            assertEquals("journal: fsync never, a snapshot every 100000 records", node.nextLine());
            assertTrue(Long.parseLong(SmRun.of("state", node.address).lines().get(0)) >= ticked);
        }
    }

    @Test
    void aFailedFsyncStopsTheNodeWithAClearMessage() throws Exception {
        Path dir = tmp.resolve("data");
        // The first force is the starting snapshot's, the second the first step's: the third fails.
        NodeProcess node = NodeProcess.startWith(List.of("-Dhotsm.failpoint=force:3"), write("c1.cam", counter1())
                .toString(), "--data-dir", dir.toString());
        try {
            assertEquals(List.of("Ok"), SmRun.of("send", node.address, "Incr").lines());
            SmRun refused = SmRun.of("send", node.address, "Incr");
            assertEquals(1, refused.status());
            // The refusal, or (if the process was quicker to exit than its reply to leave) a lost connection.
            assertTrue(refused.out().contains("The node has stopped: cannot force (fsync) the journal " + dir)
                    || refused.err().contains("cannot talk to a node"), refused.out() + refused.err());
            assertEquals(1, node.waitForExit());
            assertTrue(node.stderr().contains("sm: the node stopped: cannot force (fsync) the journal " + dir),
                    node.stderr());
            assertTrue(node.stderr().contains("Input/output error (injected"), node.stderr());
        } finally {
            node.close();
        }
        // What was acknowledged is there.
        try (NodeProcess again = NodeProcess.start("--data-dir", dir.toString())) {
            assertTrue(List.of("1", "2").contains(SmRun.of("state", again.address).lines().get(0)));
        }
    }

    @Test
    void anInMemoryNodeRefusesASnapshot() throws Exception {
        try (NodeProcess node = NodeProcess.start(write("c1.cam", counter1()).toString(), "--state", "7")) {
            SmRun snap = SmRun.of("snapshot", node.address);
            assertEquals(1, snap.status());
            assertTrue(snap.err().contains("started without --data-dir"), snap.err());
            assertEquals(List.of("7"), SmRun.of("state", node.address).lines());
        }
    }

    @Test
    void mistakesAreOneLineErrors() throws Exception {
        Path c1 = write("c1.cam", counter1());
        Path c3 = write("c3.cam", counter3(false));
        assertEquals(2, SmRun.of("node").status());
        SmRun badMode = SmRun.of("node", c1.toString(), "--data-dir", tmp.resolve("d").toString(), "--fsync",
                "sometimes");
        assertEquals(2, badMode.status());
        assertTrue(badMode.err().contains("--fsync takes `always`, `batch MS`"), badMode.err());
        assertEquals(2, SmRun.of("node", c1.toString(), "--segment-bytes", "4096").status());
        SmRun badState = SmRun.of("node", c1.toString(), "--state", "True");
        assertEquals(1, badState.status());
        assertTrue(badState.err().contains("--state"), badState.err());
        SmRun badTick = SmRun.of("node", c1.toString(), "--tick", "0", "Incr");
        assertEquals(2, badTick.status());
        SmRun badTickValue = SmRun.of("node", c1.toString(), "--tick", "5", "Bogus", "--port", "0");
        assertEquals(1, badTickValue.status());
        assertTrue(badTickValue.err().contains("--tick: expected a value of type Input"), badTickValue.err());
        assertEquals("", badTickValue.out());   // refused before the node serves
        SmRun empty = SmRun.of("node", "--data-dir", tmp.resolve("empty").toString());
        assertEquals(1, empty.status());
        assertTrue(empty.err().contains("holds no node yet"), empty.err());

        Path dir = tmp.resolve("data");
        try (NodeProcess node = NodeProcess.start(c1.toString(), "--data-dir", dir.toString())) {
            SmRun second = SmRun.of("node", "--data-dir", dir.toString());
            assertEquals(1, second.status());
            assertTrue(second.err().contains("another node is running on " + dir), second.err());
        }
        SmRun other = SmRun.of("node", c3.toString(), "--data-dir", dir.toString());
        assertEquals(1, other.status());
        assertTrue(other.err().contains("holds a node running Counter1.counter"), other.err());
        assertTrue(SmRun.of("node", "--help").out().contains("--data-dir"));
        assertTrue(SmRun.of("snapshot", "--help").out().contains("Make a durable node write a snapshot now."));
    }
}
