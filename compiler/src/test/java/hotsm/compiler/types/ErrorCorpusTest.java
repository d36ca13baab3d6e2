package hotsm.compiler.types;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import hotsm.compiler.diag.Diagnostic;
import hotsm.compiler.resolve.LoadResult;
import hotsm.compiler.resolve.ModuleLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The error corpus: every {@code errors/*.sm} with a comment
 * {@code -- error: LINE:COL fragment} must fail to load or check with an error
 * at that position whose message contains the fragment; with a line
 * {@code -- no other error}, that error must be the only one (no cascade
 * blaming good code). Files without such a comment are helper modules the
 * others import.
 */
class ErrorCorpusTest {
    private static final Pattern EXPECT = Pattern.compile("--\\s*error:\\s*(\\d+):(\\d+)\\s+(.*?)\\s*$", Pattern.MULTILINE);

    static Path corpus() {
        return Path.of(System.getProperty("hotsm.root", "../")).resolve("compiler/src/test/resources/errors");
    }

    /** The diagnostics smc check would print: load errors, else type errors. */
    static List<Diagnostic> diagnostics(Path file) {
        LoadResult loaded = new ModuleLoader(List.of()).load(List.of(file));
        if (!loaded.ok()) return loaded.diagnostics();
        return TypeChecker.check(loaded.modules()).diagnostics();
    }

    @TestFactory
    Stream<DynamicTest> everyCorpusProgramFailsWhereItSays() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(corpus())) {
            files = s.filter(p -> p.toString().endsWith(".sm")).sorted().toList();
        }
        List<Path> cases = files.stream().filter(ErrorCorpusTest::hasExpectation).toList();
        assertTrue(cases.size() >= 45, "the corpus has " + cases.size() + " programs");
        return cases.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            Matcher m = EXPECT.matcher(Files.readString(f));
            assertTrue(m.find());
            int line = Integer.parseInt(m.group(1));
            int column = Integer.parseInt(m.group(2));
            String fragment = m.group(3);
            List<Diagnostic> ds = diagnostics(f);
            String all = ds.stream().map(Diagnostic::header).collect(Collectors.joining("\n  "));
            boolean found = ds.stream().anyMatch(d -> d.line() == line && d.column() == column
                    && d.message().contains(fragment) && d.file().equals(f.toString()));
            if (!found) fail("expected an error at " + line + ":" + column + " containing '" + fragment + "', got:\n  " + all);
            if (Files.readString(f).contains("\n-- no other error") && ds.size() != 1) {
                fail("expected only the error at " + line + ":" + column + ", got:\n  " + all);
            }
        }));
    }

    private static boolean hasExpectation(Path f) {
        try {
            return EXPECT.matcher(Files.readString(f)).find();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
