package hotsm.compiler.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every sample parses; the counters of LANGUAGE.md §11 parse to the expected shapes. */
class SamplesParseTest {
    private static Path root() { return Path.of(System.getProperty("hotsm.root", "..")); }

    private static Module parse(Path file) throws IOException {
        ParseResult result = Parser.parseModule(file.toString(), Files.readString(file));
        assertTrue(result.diagnostics().isEmpty(), () -> file + ": " + result.diagnostics());
        assertNotNull(result.module());
        return result.module();
    }

    @TestFactory
    Stream<DynamicTest> everySampleParses() throws IOException {
        Path samples = root().resolve("samples");
        try (Stream<Path> files = Files.walk(samples)) {
            return files.filter(p -> p.toString().endsWith(".sm")).sorted().toList().stream()
                    .map(p -> DynamicTest.dynamicTest(samples.relativize(p).toString(), () -> parse(p)));
        }
    }

    @Test
    void counter2HasMachineUpgradeAndDowngrade() throws IOException {
        Module m = parse(root().resolve("samples/counter/Counter2.sm"));
        assertEquals("Counter2", m.name());
        assertEquals("""
                (module Counter2
                  (import Counter1)
                  (machine counter Input Output (state (tuple Int Int) (tuple 0 0)) (proc i (case i \
                (Incr -> (do (<- (tuple old new) (-< get ())) (-< put (tuple old (+ new 1))) (-< returnA Ok))) \
                (Count -> (do (<- (tuple _ new) (-< get ())) (-< returnA (Total new)))))))
                  (upgrade Counter1.counter counter (state (proc n (-< returnA (tuple n n)))))
                  (downgrade counter Counter1.counter (state (proc (tuple _ new) (-< returnA new)))))""",
                AstPrinter.print(m));
    }

    @Test
    void counter3UsesOneLineDoAndExplicitBraces() throws IOException {
        Module m = parse(root().resolve("samples/counter/Counter3.sm"));
        String printed = AstPrinter.print(m);
        assertTrue(printed.contains("(Reset -> (do (-< put (tuple 0 False)) (-< returnA Done)))"), printed);
        assertTrue(printed.contains("(-< put (tuple (if down (- n 1) (+ n 1)) down))"), printed);
        assertTrue(printed.contains("(input (proc i (-< returnA (case i (Incr -> Incr3) (Count -> Count3)))))"), printed);
        assertTrue(printed.contains("(output (proc o (-< returnA (case o (Done -> Ok) ((Total3 n) -> (Total n))))))"), printed);
    }

    @Test
    void counter1HasTheLocalArrow() throws IOException {
        Module m = parse(root().resolve("samples/counter/Counter1.sm"));
        Decl.Machine machine = (Decl.Machine) m.decls().get(m.decls().size() - 1);
        assertEquals("counter", machine.name());
        assertEquals("(arrow bump (proc k (do (<- n (-< get ())) (-< put (+ n k)))))", AstPrinter.print(machine.where().get(0)));
        assertEquals(new Position(m.file(), 11, 1), machine.pos());
    }
}
