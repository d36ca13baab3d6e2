package hotsm.cli;

import static hotsm.cli.SmcHarness.assertGolden;
import static hotsm.cli.SmcHarness.resource;
import static hotsm.cli.SmcHarness.root;
import static hotsm.cli.SmcHarness.sample;
import static hotsm.cli.SmcHarness.smc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hotsm.cli.SmcHarness.Run;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code smc run --trace[=steps|cam]}: the step trace, and the CAM's
 * instruction trace compared with {@code golden/run/<name>.txt} (rerun with
 * {@code -Dgolden.update=true} to rewrite them, then read the diff).
 */
class SmcRunTraceTest {

    private static final Path GOLDEN = root().resolve("repl/src/test/resources/golden/run");

    private static final String STEPS = "Output: Ok\nNew state: 1\nOutput: Total 1\nNew state: 1\n";

    @Test void theCamTraceOfCounter1IsAsRecorded() throws IOException {
        assertGolden(GOLDEN, "Counter1.trace-cam", "Counter1.trace-cam",
                smc("run", sample("counter/Counter1.sm"), "--trace=cam", "-i", "Incr", "-i", "Count"));
    }

    /** A fold's body runs in a frame of its own: its lines are indented by one {@code ". "}. */
    @Test void theCamTraceNestsAFoldsBody() throws IOException {
        assertGolden(GOLDEN, "Summer.trace-cam", "Summer.trace-cam",
                smc("run", resource("Summer.sm"), "--trace=cam", "-i", "[1, 2]", "-i", "[]"));
    }

    @Test void theCamTraceEndsWhereAStepFails() {
        Run r = smc("run", resource("Divider.sm"), "--trace=cam", "-i", "0", "-i", "4");
        assertEquals(1, r.status(), r::toString);
        List<String> lines = r.out().lines().toList();
        int error = lines.indexOf("error: division by zero (on input 0; the state is unchanged)");
        assertTrue(error > 0, r::toString);
        assertTrue(lines.get(error - 1).matches(" +\\d+  PRIM +v = \\(100, 0\\)  s = \\d+"), r::toString);
        assertEquals(List.of("Output: 25", "New state: 25"), lines.subList(lines.size() - 2, lines.size()));
    }

    @Test void plainTraceIsTheStepTraceWhereverItStands() {
        String counter1 = sample("counter/Counter1.sm");
        assertEquals(new Run(0, STEPS, ""), smc("run", counter1, "--trace", "-i", "Incr", "-i", "Count"));
        assertEquals(new Run(0, STEPS, ""), smc("run", "--trace", counter1, "-i", "Incr", "-i", "Count"));
        assertEquals(new Run(0, STEPS, ""), smc("run", counter1, "-i", "Incr", "-i", "Count", "--trace"));
        assertEquals(new Run(0, STEPS, ""), smc("run", counter1, "--trace=steps", "-i", "Incr", "-i", "Count"));
        assertEquals(new Run(0, STEPS, ""), smc("run", "--trace", "steps", counter1, "-i", "Incr", "-i", "Count"));
    }

    @Test void camMayFollowTraceAsItsOwnArgument() {
        assertEquals(smc("run", sample("counter/Counter1.sm"), "--trace=cam", "-i", "Incr"),
                smc("run", "--trace", "cam", sample("counter/Counter1.sm"), "-i", "Incr"));
    }

    @Test void anythingElseIsAUsageError() {
        Run r = smc("run", sample("counter/Counter1.sm"), "--trace=instructions", "-i", "Incr");
        assertEquals(2, r.status(), r::toString);
        assertEquals("", r.out());
        assertTrue(r.err().startsWith("--trace is steps or cam, got 'instructions'\n"), r::toString);
    }
}
