package hotsm.compiler.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hotsm.compiler.diag.Diagnostic;
import hotsm.compiler.resolve.LoadResult;
import hotsm.compiler.resolve.ModuleLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every sample program (and the Prelude) loads and checks without an error. */
class SamplesCheckTest {
    static Path root() { return Path.of(System.getProperty("hotsm.root", "../")); }

    static CheckResult check(Path... files) {
        LoadResult loaded = new ModuleLoader(List.of()).load(List.of(files));
        assertEquals(List.of(), headers(loaded.diagnostics()), "load errors");
        return TypeChecker.check(loaded.modules());
    }

    static List<String> headers(List<Diagnostic> ds) { return ds.stream().map(Diagnostic::header).collect(Collectors.toList()); }

    @TestFactory
    Stream<DynamicTest> everySampleChecksClean() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(root().resolve("samples"))) {
            files = s.filter(p -> p.toString().endsWith(".sm")).sorted().toList();
        }
        assertTrue(files.size() >= 3, "samples found: " + files);
        return files.stream().map(f -> DynamicTest.dynamicTest(root().relativize(f).toString(), () -> {
            CheckResult r = check(f);
            assertEquals(List.of(), headers(r.diagnostics()));
        }));
    }

    @Test
    void counter3SeesAllThreeVersions() {
        CheckResult r = check(root().resolve("samples/counter/Counter3.sm"));
        assertEquals(List.of(), headers(r.diagnostics()));
        Typed.Program p = r.program();
        assertTrue(p.machines().keySet().containsAll(List.of("Counter1.counter", "Counter2.counter", "Counter3.counter")));
        Typed.Machine c2 = p.machines().get("Counter2.counter");
        assertEquals("(Int, Int)", TypePrinter.print(c2.state()));
        assertEquals(new Type.Con("Counter1.Input", List.of()), c2.input());
        assertEquals(3, p.upgrades().size());
        assertTrue(p.dataTypes().containsKey("Prelude.Maybe"));
        assertEquals(Type.BOOL.toString(), new Type.Con("Prelude.Bool", List.of()).toString());
    }
}
