package hotsm.cli;

import static hotsm.cli.SmcHarness.sample;
import static hotsm.cli.SmcHarness.smc;
import static org.junit.jupiter.api.Assertions.assertEquals;

import hotsm.cli.SmcHarness.Run;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code smc run} of a compiled artifact. The runs of {@code .sm} files (-i values and standard input,
 * --trace, errors in sequence, choosing the machine) are transcripts: repl/src/test/resources/cli/run.cli
 * and machines.cli.
 */
class SmcRunTest {

    @Test void runsACompiledArtifact(@TempDir Path dir) {
        assertEquals(0, smc("compile", sample("counter/Counter1.sm"), "-o", dir.toString()).status());
        String cam = dir.resolve("Counter1.counter.cam").toString();
        assertEquals(new Run(0, "Ok\nTotal 1\n", ""), smc("run", cam, "-i", "Incr", "-i", "Count"));
        assertEquals(new Run(0, "Output: Ok\nNew state: 1\n", ""), smc("run", cam, "--trace", "-i", "Incr"));
    }
}
