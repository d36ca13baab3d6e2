package hotsm.cli;

import static hotsm.cli.SmcHarness.resource;
import static hotsm.cli.SmcHarness.sample;
import static hotsm.cli.SmcHarness.smc;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hotsm.cli.SmcHarness.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code smc check | ir | compile | disasm}, usage errors, help and version; what {@code check} and
 * {@code ir} print is in the transcripts repl/src/test/resources/cli/check.cli and machines.cli.
 */
class SmcCommandsTest {

    @Test void importsAreFoundThroughIncludeFolders(@TempDir Path dir) {
        Run missing = smc("check", resource("Walker.sm"));
        assertEquals(1, missing.status(), missing::toString);
        assertTrue(missing.err().startsWith(resource("Walker.sm") + ":3:1: error: "), missing::toString);
        String lib = resource("lib");
        assertEquals(new Run(0, "", ""), smc("check", resource("Walker.sm"), "-I", lib));
        assertEquals(new Run(0, "5\n-2\n", ""), smc("run", resource("Walker.sm"), "-I", lib, "-i", "Up 5", "-i", "Down 7"));
        Run compiled = smc("compile", resource("Walker.sm"), "--include", lib, "-o", dir.toString());
        assertEquals(0, compiled.status(), compiled::toString);
        assertEquals(1, compiled.out().lines().count(), "only the machine of the file given, not of its imports");
        assertTrue(Files.exists(dir.resolve("Walker.walker.cam")));
    }

    @Test void compileWritesOneArtifactPerMachineOfTheGivenFiles(@TempDir Path dir) throws IOException {
        Run r = smc("compile", sample("counter/Counter3.sm"), resource("Twins.sm"), "-o", dir.toString());
        assertEquals(0, r.status(), r::toString);
        String[] files = dir.toFile().list();
        Arrays.sort(files);
        assertArrayEquals(new String[] {"Counter3.counter.cam", "Twins.down.cam", "Twins.up.cam"}, files);
        String[] lines = r.out().split("\n");
        assertEquals(3, lines.length, r::toString);
        for (String line : lines) assertTrue(line.matches("wrote .*\\.cam \\([0-9a-f]{8}\\)"), line);
        assertEquals("", r.err());
    }

    @Test void compiledArtifactsDisassemble(@TempDir Path dir) {
        assertEquals(0, smc("compile", sample("counter/Counter2.sm"), "-o", dir.toString()).status());
        Run r = smc("disasm", dir.resolve("Counter2.counter.cam").toString());
        assertEquals(0, r.status(), r::toString);
        assertTrue(r.out().contains("Counter2.counter"), r::toString);
        assertEquals("", r.err());
    }

    @Test void aTruncatedArtifactIsRefusedInOneLine(@TempDir Path dir) throws IOException {
        assertEquals(0, smc("compile", sample("counter/Counter1.sm"), "-o", dir.toString()).status());
        Path cam = dir.resolve("Counter1.counter.cam");
        byte[] bytes = Files.readAllBytes(cam);
        for (int keep : new int[] {0, 3, bytes.length / 2, bytes.length - 1}) {
            Path cut = dir.resolve("cut" + keep + ".cam");
            Files.write(cut, Arrays.copyOf(bytes, keep));
            assertRefused(smc("disasm", cut.toString()));
            assertRefused(smc("run", cut.toString(), "-i", "Incr"));
        }
    }

    @Test void aCorruptedArtifactIsRefusedInOneLine(@TempDir Path dir) throws IOException {
        assertEquals(0, smc("compile", sample("counter/Counter1.sm"), "-o", dir.toString()).status());
        byte[] bytes = Files.readAllBytes(dir.resolve("Counter1.counter.cam"));
        byte[] badMagic = bytes.clone();
        badMagic[0] ^= 0x55;
        Path bad = dir.resolve("bad.cam");
        Files.write(bad, badMagic);
        assertRefused(smc("disasm", bad.toString()));
        assertRefused(smc("run", bad.toString(), "-i", "Incr"));
        Path junk = dir.resolve("junk.cam");
        Files.writeString(junk, "module Counter1\n");
        assertRefused(smc("disasm", junk.toString()));
    }

    private static void assertRefused(Run r) {
        assertEquals(1, r.status(), r::toString);
        assertEquals("", r.out(), r::toString);
        assertTrue(r.err().startsWith("error: "), r::toString);
        assertEquals(1, r.err().lines().count(), r::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"check", "ir", "compile", "disasm", "run"})
    void everyCommandHasHelp(String command) {
        Run r = smc(command, "--help");
        assertEquals(0, r.status(), r::toString);
        assertTrue(r.out().startsWith("Usage: smc " + command), r::toString);
    }

    @Test void versionAndTopLevelHelp() {
        Run v = smc("--version");
        assertEquals(0, v.status());
        assertTrue(v.out().startsWith("smc "), v::toString);
        Run h = smc("--help");
        assertEquals(0, h.status());
        for (String c : new String[] {"check", "ir", "compile", "disasm", "run"}) assertTrue(h.out().contains(c), h::toString);
    }

    @Test void usageErrorsExitTwo() {
        assertEquals(2, smc().status());
        assertEquals(2, smc("frobnicate").status());
        assertEquals(2, smc("run").status());
        assertEquals(2, smc("run", "x.sm", "--fuel", "lots").status());
        assertEquals(2, smc("disasm", "a.cam", "b.cam").status());
    }
}
