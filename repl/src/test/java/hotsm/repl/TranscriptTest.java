package hotsm.repl;

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
 * Scripted REPL sessions as golden transcripts: each
 * {@code repl/src/test/resources/repl/transcripts/NAME.repl} is typed into a
 * fresh session with {@code --echo} (file names relative to the repository
 * root), and what it prints must be {@code NAME.out}, line for line.
 * {@code -Dgolden.update=true} rewrites the {@code .out} files; read the diff.
 */
class TranscriptTest {
    static final Path FOLDER = Sessions.root().resolve("repl/src/test/resources/repl/transcripts");

    @TestFactory
    Stream<DynamicTest> everyTranscriptReadsAsRecorded() throws IOException {
        List<Path> scripts;
        try (Stream<Path> s = Files.list(FOLDER)) {
            scripts = s.filter(p -> p.toString().endsWith(".repl")).sorted().toList();
        }
        assertTrue(scripts.size() >= 5, "transcripts: " + scripts);
        return scripts.stream().map(script -> DynamicTest.dynamicTest(script.getFileName().toString(), () -> {
            String name = script.getFileName().toString().replaceFirst("\\.repl$", "");
            List<String> lines = Files.readAllLines(script);
            String actual = String.join("\n", Sessions.run(true, lines.toArray(String[]::new))) + "\n";
            Path golden = FOLDER.resolve(name + ".out");
            if (Boolean.getBoolean("golden.update")) Files.writeString(golden, actual);
            assertEquals(Files.readString(golden), actual,
                    script + " printed otherwise than " + golden + " (rerun with -Dgolden.update=true and read the diff)");
        }));
    }
}
