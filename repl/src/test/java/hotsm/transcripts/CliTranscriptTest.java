package hotsm.transcripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code smc} and {@code sm} sessions as golden transcripts: each
 * {@code repl/src/test/resources/cli/NAME.cli} is played in process from the
 * repository root, and what it printed must be {@code NAME.out}
 * ({@code -Dgolden.update=true} rewrites it; read the diff). The format is in
 * that folder's README.md.
 */
class CliTranscriptTest {
    static final Path FOLDER = Shell.root().resolve("repl/src/test/resources/cli");

    @TestFactory
    Stream<DynamicTest> everyCliTranscriptReadsAsRecorded() throws IOException {
        List<Path> scripts;
        try (Stream<Path> s = Files.list(FOLDER)) {
            scripts = s.filter(p -> p.toString().endsWith(".cli")).sorted().toList();
        }
        assertTrue(scripts.size() >= 2, "transcripts: " + scripts);
        return scripts.stream().map(script -> DynamicTest.dynamicTest(script.getFileName().toString(), () -> {
            String actual = CliTranscript.play(Files.readAllLines(script));
            Path golden = script.resolveSibling(script.getFileName().toString().replaceFirst("\\.cli$", ".out"));
            if (Boolean.getBoolean("golden.update")) Files.writeString(golden, actual);
            assertEquals(Files.exists(golden) ? Files.readString(golden) : "(no golden file " + golden + ")", actual,
                    script + " printed otherwise than " + golden + " (rerun with -Dgolden.update=true and read the diff)");
        }));
    }
}
