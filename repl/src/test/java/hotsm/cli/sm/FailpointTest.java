package hotsm.cli.sm;

import static org.junit.jupiter.api.Assertions.*;

import hotsm.vm.bytecode.Artifact;
import hotsm.vm.bytecode.ArtifactCodec;
import hotsm.vm.bytecode.Identities;
import hotsm.vm.bytecode.Identity;
import hotsm.vm.journal.DurableNode;
import hotsm.vm.journal.Failpoints;
import hotsm.vm.journal.JournalOptions;
import hotsm.vm.node.NodeInfo;
import hotsm.vm.node.NodeOptions;
import hotsm.vm.node.Version;
import hotsm.vm.protocol.HostPort;
import hotsm.vm.protocol.NodeClient;
import hotsm.vm.value.Value;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9 item 7, failpoints: a real node process halts (as {@code kill -9}
 * would) before an upgrade's record is written, after it is written and
 * forced, or after the swap; recovery then finds the node wholly old or
 * wholly new, never in between (Counter1 with 3, or Counter2 with (3, 3) and
 * a history entry saying so).
 */
class FailpointTest {
    @TempDir Path tmp;
    private Artifact c1;
    private Artifact c2;
    private Path c1File;

    @BeforeEach
    void compile() throws IOException {
        c1 = CrashRecoveryTest.compile("Counter1.sm");
        c2 = CrashRecoveryTest.compile("Counter2.sm");
        c1File = tmp.resolve("counter1.cam");
        Files.write(c1File, ArtifactCodec.encode(c1));
    }

    /**
     * Three acknowledged increments then an upgrade (or, for a step failpoint, one increment), at which
     * the process halts; what recovery finds.
     */
    private NodeInfo haltAt(String failpoint, boolean upgrade, long[] count) throws Exception {
        Path dir = tmp.resolve(failpoint.replace(':', '-'));
        NodeProcess node = NodeProcess.startWith(List.of("-Dhotsm.failpoint=" + failpoint), c1File.toString(),
                "--data-dir", dir.toString());
        try (NodeClient client = NodeClient.connect(HostPort.parse(node.address))) {
            Value incr = new Value.Inl(Value.UNIT);
            for (int i = 0; i < (upgrade ? 3 : 0); i++) client.step(incr);
            assertThrows(IOException.class, () -> {
                if (upgrade) client.upgrade(c2);
                else client.step(incr);
            }, "the reply must not come: the process halts first");
            assertEquals(Failpoints.HALT_STATUS, node.waitForExit(), node.stderr());
        } finally {
            node.close();
        }
        try (DurableNode d = DurableNode.open(dir, null, null, JournalOptions.defaults(), NodeOptions.defaults(),
                f -> { })) {
            count[0] = CrashRecoveryTest.count(d.node().state().join());
            return d.node().info().join();
        }
    }

    private void assertWhollyOld(NodeInfo info, long count) {
        assertEquals(Identities.of(c1), info.identity());
        assertEquals(1, info.history().size());
        assertEquals(3, count);
    }

    private void assertWhollyNew(NodeInfo info, long count) {
        Identity v2 = Identities.of(c2);
        assertEquals(v2, info.identity());
        assertEquals(List.of(Version.Arrival.STARTED, Version.Arrival.UPGRADED),
                info.history().stream().map(Version::arrival).toList());
        assertEquals(3, count);
    }

    @Test
    void haltedBeforeTheRecordIsWrittenTheUpgradeNeverHappened() throws Exception {
        long[] count = new long[1];
        assertWhollyOld(haltAt("before-write:upgrade", true, count), count[0]);
    }

    @Test
    void haltedAfterTheRecordIsForcedTheUpgradeHappenedThoughNobodyHeard() throws Exception {
        long[] count = new long[1];
        assertWhollyNew(haltAt("after-write:upgrade", true, count), count[0]);
    }

    @Test
    void haltedAfterTheSwapTheNodeIsWhollyOldOrWhollyNew() throws Exception {
        long[] count = new long[1];
        NodeInfo info = haltAt("after-swap:upgrade", true, count);
        if (info.identity().equals(Identities.of(c1))) assertWhollyOld(info, count[0]);
        else assertWhollyNew(info, count[0]);
    }

    @Test
    void aStepHaltedAfterItsRecordIsForcedCountsOnce() throws Exception {
        long[] count = new long[1];
        NodeInfo info = haltAt("after-write:step", false, count);
        assertEquals(Identities.of(c1), info.identity());
        assertEquals(1, count[0]);   // never acknowledged, but on disk: applied once
    }
}
