package hotsm.cli;

import static hotsm.cli.SmcHarness.resource;
import static hotsm.cli.SmcHarness.sample;
import static hotsm.cli.SmcHarness.smc;
import static hotsm.cli.SmcHarness.smcWithStdin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hotsm.cli.SmcHarness.Run;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code smc run}: .sm and .cam, -i values and standard input, --trace, errors in sequence. */
class SmcRunTest {

    @Test void countsFromTheCommandLine() {
        Run r = smc("run", sample("counter/Counter1.sm"), "-i", "Incr", "-i", "Incr", "-i", "Count");
        assertEquals(new Run(0, "Ok\nOk\nTotal 2\n", ""), r);
    }

    @Test void readsStandardInputSkippingBlankLines() {
        Run r = smcWithStdin("Incr\n\n  \nCount\nIncr\nCount\n", "run", sample("counter/Counter1.sm"));
        assertEquals(new Run(0, "Ok\nTotal 1\nOk\nTotal 2\n", ""), r);
    }

    @Test void tracesOutputsAndStates() {
        Run r = smc("run", sample("counter/Counter2.sm"), "--trace", "-i", "Incr", "-i", "Count");
        assertEquals(new Run(0, "Output: Ok\nNew state: (0, 1)\nOutput: Total 1\nNew state: (0, 1)\n", ""), r);
    }

    @Test void aBadInputIsReportedInSequenceAndTheRunGoesOn() {
        Run r = smc("run", sample("counter/Counter1.sm"), "-i", "Incr", "-i", "Decr", "-i", "Count");
        assertEquals(1, r.status(), r::toString);
        String[] lines = r.out().split("\n");
        assertEquals(3, lines.length, r::toString);
        assertEquals("Ok", lines[0]);
        assertTrue(lines[1].startsWith("error: "), r::toString);
        assertTrue(lines[1].contains("Decr"), r::toString);
        assertEquals("Total 1", lines[2]);
        assertEquals("", r.err());
    }

    @Test void aRunTimeErrorLeavesTheStateAsItWas() {
        Run r = smc("run", resource("Divider.sm"), "--trace", "-i", "2", "-i", "0", "-i", "5");
        assertEquals(1, r.status(), r::toString);
        String[] lines = r.out().split("\n");
        assertEquals("Output: 50", lines[0]);
        assertEquals("New state: 50", lines[1]);
        assertTrue(lines[2].startsWith("error: ") && lines[2].contains("zero"), r::toString);
        assertEquals("Output: 10", lines[3]);
        assertEquals("New state: 10", lines[4]);
        assertEquals(5, lines.length, r::toString);
    }

    @Test void fuelStopsAStep() {
        Run r = smc("run", sample("counter/Counter1.sm"), "--fuel", "2", "-i", "Incr");
        assertEquals(1, r.status(), r::toString);
        assertTrue(r.out().startsWith("error: ") && r.out().lines().count() == 1, r::toString);
    }

    @Test void severalMachinesNeedAChoice() {
        Run r = smc("run", resource("Twins.sm"), "-i", "1");
        assertEquals(1, r.status(), r::toString);
        assertEquals("", r.out());
        assertTrue(r.err().startsWith("error: ") && r.err().contains("Twins.up") && r.err().contains("Twins.down"), r::toString);
        assertEquals(1, r.err().lines().count(), r::toString);

        assertEquals(new Run(0, "-1\n-3\n", ""), smc("run", resource("Twins.sm"), "--machine", "down", "-i", "1", "-i", "2"));
        assertEquals(new Run(0, "3\n", ""), smc("run", resource("Twins.sm"), "--machine", "Twins.up", "-i", "3"));
        assertEquals(1, smc("run", resource("Twins.sm"), "--machine", "sideways", "-i", "3").status());
    }

    @Test void anImportedMachineCanBeNamedQualified() {
        assertEquals(new Run(0, "Ok\nTotal 1\n", ""),
                smc("run", sample("counter/Counter2.sm"), "--machine", "Counter1.counter", "-i", "Incr", "-i", "Count"));
        Run ir = smc("ir", sample("counter/Counter2.sm"), "--machine", "Counter1.counter");
        assertEquals(0, ir.status(), ir::toString);
        assertTrue(ir.out().startsWith("machine Counter1.counter\n"), ir::toString);
    }

    @Test void runsACompiledArtifact(@TempDir Path dir) {
        assertEquals(0, smc("compile", sample("counter/Counter1.sm"), "-o", dir.toString()).status());
        String cam = dir.resolve("Counter1.counter.cam").toString();
        assertEquals(new Run(0, "Ok\nTotal 1\n", ""), smc("run", cam, "-i", "Incr", "-i", "Count"));
        assertEquals(new Run(0, "Output: Ok\nNew state: 1\n", ""), smc("run", cam, "--trace", "-i", "Incr"));
    }

    @Test void aProgramWithErrorsDoesNotRun() {
        Run r = smc("run", resource("Broken.sm"), "-i", "1");
        assertEquals(1, r.status(), r::toString);
        assertEquals("", r.out());
        assertTrue(r.err().contains("Broken.sm:7:"), r::toString);
    }

    @Test void aMissingFileIsAUserError() {
        Run r = smc("run", "no/such/File.sm", "-i", "1");
        assertEquals(1, r.status(), r::toString);
        assertEquals("error: cannot read no/such/File.sm: no such file\n", r.err());
    }
}
