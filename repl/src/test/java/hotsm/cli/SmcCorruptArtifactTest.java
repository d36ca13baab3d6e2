package hotsm.cli;

import static hotsm.cli.SmcHarness.sample;
import static hotsm.cli.SmcHarness.smc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hotsm.cli.SmcHarness.Run;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Random damage to a compiled artifact never gets past {@code smc disasm} or
 * {@code smc run} as anything but a listing/run (exit 0) or a one-line
 * {@code error: ...} (exit 1): no internal failure, no stack trace.
 */
class SmcCorruptArtifactTest {

    private static Path dir;
    private static byte[] original;

    @BeforeContainer
    static void compile() throws IOException {
        dir = Files.createTempDirectory("smc-corrupt");
        Run r = smc("compile", sample("counter/Counter2.sm"), "-o", dir.toString());
        assertEquals(0, r.status(), r::toString);
        original = Files.readAllBytes(dir.resolve("Counter2.counter.cam"));
    }

    @AfterContainer
    static void clean() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) Files.delete(p);
        }
        Files.delete(dir);
    }

    @Property(tries = 120)
    void damagedArtifactsAreRefusedInOneLineOrStillWork(
            @ForAll @IntRange(min = 0, max = 100_000) int position, @ForAll byte xor, @ForAll boolean truncate) {
        byte[] bytes = original.clone();
        int at = position % bytes.length;
        if (truncate) {
            bytes = java.util.Arrays.copyOf(bytes, at);
        } else {
            bytes[at] ^= (byte) (xor == 0 ? 1 : xor);
        }
        Path cam = dir.resolve("damaged.cam");
        try {
            Files.write(cam, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        check(smc("disasm", cam.toString()));
        check(smc("run", cam.toString(), "-i", "Incr", "-i", "Count"));
    }

    private static void check(Run r) {
        assertTrue(r.status() == 0 || r.status() == 1, r::toString);
        assertTrue(!r.err().contains("\tat ") && !r.out().contains("\tat "), r::toString);
        if (!r.err().isEmpty()) {
            assertEquals(1, r.err().lines().count(), r::toString);
            assertTrue(r.err().startsWith("error: "), r::toString);
        }
    }
}
