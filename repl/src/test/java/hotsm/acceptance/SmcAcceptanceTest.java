package hotsm.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hotsm.cli.Smc;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code smc} as issues 2 and 3 describe it, run in-process. */
class SmcAcceptanceTest {
    private record Run(int status, String out, String err) {}

    private static Run smc(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Smc.execute(args, new ByteArrayInputStream(new byte[0]), new PrintWriter(out, true),
                new PrintWriter(err, true));
        return new Run(status, out.toString(), err.toString());
    }

    private static String counter1() {
        return Path.of(System.getProperty("hotsm.root", "..")).resolve("samples/counter/Counter1.sm").toString();
    }

    @Test
    void aBadOptionValueIsAUsageErrorLikeSmNodes() {
        for (String fuel : new String[] {"0", "-5"}) {
            Run r = smc("run", counter1(), "--fuel", fuel, "-i", "Incr");
            assertEquals(2, r.status(), r::toString);
            assertTrue(r.err().contains("--fuel must be positive"), r::err);
            assertEquals("", r.out());
        }
    }

    @TempDir
    Path dir;

    @Test
    void aFileIsAnArtifactOrASourceByItsContentWhenItsExtensionIsNeither() throws Exception {
        Run compiled = smc("compile", counter1(), "-o", dir.toString());
        assertEquals(0, compiled.status(), compiled::toString);
        Path bin = Files.copy(dir.resolve("Counter1.counter.cam"), dir.resolve("counter.bin"));
        Path txt = Files.copy(Path.of(counter1()), dir.resolve("counter.txt"));
        for (Path f : List.of(bin, txt)) {
            Run r = smc("run", f.toString(), "-i", "Incr", "-i", "Count");
            assertEquals(0, r.status(), r::toString);
            assertEquals(List.of("Ok", "Total 1"), r.out().lines().toList());
        }
    }

    @Test
    void aMachineOverALimitOfTheCamFormatIsAnErrorInTheProgramNotAnInternalFailure() throws Exception {
        StringBuilder src = new StringBuilder("data Big = C0");
        for (int i = 1; i < 300; i++) src.append(" | C").append(i);
        src.append("\nf b = case b of\n");
        for (int i = 0; i < 300; i++) src.append("  C").append(i).append(" -> ").append(i).append('\n');
        src.append("machine m : Big -> Int\n  state Int = 0\n  proc b -> returnA -< f b\n");
        Path file = Files.writeString(dir.resolve("Big.sm"), src.toString());
        Path out = dir.resolve("out");
        Run r = smc("compile", file.toString(), "-o", out.toString());
        assertEquals(1, r.status(), r::toString);
        assertTrue(r.err().startsWith("error: artifact Big.m is over a limit of the .cam format: "), r::err);
        assertEquals(1, r.err().strip().lines().count(), r::err);
        assertTrue(!Files.exists(out.resolve("Big.m.cam")));
        Run run = smc("run", file.toString(), "-i", "C299");   // running it needs no .cam file
        assertEquals(List.of("299"), run.out().lines().toList(), run::toString);
    }
}
