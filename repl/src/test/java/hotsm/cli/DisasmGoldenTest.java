package hotsm.cli;

import static hotsm.cli.SmcHarness.assertGolden;
import static hotsm.cli.SmcHarness.root;
import static hotsm.cli.SmcHarness.smc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import hotsm.cli.SmcHarness.Run;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden {@code smc disasm} listings: every machine of every sample is
 * compiled with {@code smc compile}, read back and listed with
 * {@code smc disasm}, and the listing compared with
 * {@code golden/disasm/<Module>.<machine>.txt}. Run with
 * {@code -Dgolden.update=true} to rewrite the files, then read the diff.
 */
class DisasmGoldenTest {

    private static final Path GOLDEN = root().resolve("repl/src/test/resources/golden/disasm");

    @TestFactory
    Stream<DynamicTest> everySampleMachineDisassemblesAsRecorded() throws IOException {
        Path out = Files.createTempDirectory("smc-golden");
        List<DynamicTest> tests = new ArrayList<>();
        for (Path source : samples()) {
            Run compiled = smc("compile", source.toString(), "-o", out.toString());
            tests.add(DynamicTest.dynamicTest("compile " + root().relativize(source),
                    () -> assertEquals(0, compiled.status(), compiled::toString)));
        }
        try (Stream<Path> cams = Files.list(out)) {
            for (Path cam : cams.sorted().toList()) {
                String name = cam.getFileName().toString().replaceAll("\\.cam$", "");
                tests.add(DynamicTest.dynamicTest("disasm " + name,
                        () -> assertGolden(GOLDEN, name, "disasm " + name, smc("disasm", cam.toString()))));
            }
        }
        assertFalse(tests.isEmpty(), "no samples under " + root().resolve("samples"));
        return tests.stream();
    }

    private static List<Path> samples() {
        try (Stream<Path> files = Files.walk(root().resolve("samples"))) {
            return files.filter(p -> p.toString().endsWith(".sm")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
