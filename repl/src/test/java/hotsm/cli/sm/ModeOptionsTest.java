package hotsm.cli.sm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import hotsm.cli.Sm;
import org.junit.jupiter.api.Test;

/**
 * Options that only mean something in one mode of {@code sm node} are refused without it (exit 2),
 * rather than ignored: {@code --fsync} and friends without {@code --data-dir} were; {@code --id},
 * {@code --election-timeout} and {@code --commit-timeout} without {@code --cluster} started a plain
 * node as if they were not there (a member meant to join a group ran alone).
 */
class ModeOptionsTest {

    private static void refused(String message, String... args) {
        SmRun run = SmRun.of(args);
        assertEquals(Sm.USAGE_ERROR, run.status(), run.err());
        assertEquals("sm: " + message + "\n", run.err().replace("\r\n", "\n"));
        assertEquals("", run.out());
    }

    @Test void clusterOptionsNeedCluster() {
        String needs = "--id, --election-timeout and --commit-timeout need --cluster";
        refused(needs, "node", "samples/counter/Counter1.sm", "--id", "a", "--port", "0");
        refused(needs, "node", "samples/counter/Counter1.sm", "--election-timeout", "500", "--port", "0");
        refused(needs, "node", "samples/counter/Counter1.sm", "--commit-timeout", "500", "--data-dir", "d", "--port", "0");
    }

    @Test void journalOptionsNeedDataDir() {
        refused("--fsync, --snapshot-every and --segment-bytes need --data-dir",
                "node", "samples/counter/Counter1.sm", "--fsync", "never", "--port", "0");
    }
}
