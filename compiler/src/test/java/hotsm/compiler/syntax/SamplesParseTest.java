package hotsm.compiler.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hotsm.compiler.diag.Diagnostic;
import hotsm.grammar.LayoutTokenSource;
import hotsm.grammar.SmLexer;
import hotsm.grammar.SmParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
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

    /** The grammar's whole-file start rule {@code module} agrees with the item-by-item parse of the front end. */
    @TestFactory
    Stream<DynamicTest> wholeFileRuleAgreesWithItemByItemParse() throws IOException {
        Path samples = root().resolve("samples");
        try (Stream<Path> files = Files.walk(samples)) {
            return files.filter(p -> p.toString().endsWith(".sm")).sorted().toList().stream()
                    .map(p -> DynamicTest.dynamicTest(samples.relativize(p).toString(), () -> {
                        String text = Files.readString(p);
                        SmLexer lexer = new SmLexer(CharStreams.fromString(text));
                        SmParser parser = new SmParser(new CommonTokenStream(
                                new LayoutTokenSource(lexer, LayoutTokenSource.Mode.MODULE)));
                        parser.setErrorHandler(new BailErrorStrategy());
                        List<Diagnostic> diagnostics = new ArrayList<>();
                        Module whole = new AstBuilder(p.toString(), diagnostics).module(parser.module());
                        assertEquals(List.of(), diagnostics);
                        assertEquals(AstPrinter.print(parse(p)), AstPrinter.print(whole));
                    }));
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

    /** The declarations example of LANGUAGE.md §5, verbatim (its comments included). */
    @Test
    void languageSection5ExampleParses() {
        String section5 = """
                module Counter1                 -- optional; defaults to the file name
                import Prelude                  -- implicit; stdlib/Prelude.sm
                import Counter1                 -- Counter1.sm beside this file, then the search path;
                                                --   names usable bare (if unambiguous) and as Counter1.x;
                                                --   a module's own names shadow imported ones;
                                                --   imports are not re-exported
                import Counter1 as C            -- only qualified: C.x

                data Input  = Incr | Count
                data Output = Ok | Total Int
                type Pair2 = (Int, Int)

                double : Int -> Int              -- optional signature
                double n = n + n                 -- pure function: one parameter (a pattern)
                clamp (lo, hi, x) = if x < lo then lo else if x > hi then hi else x

                machine counter : Input -> Output
                  state Int = 0                  -- state type and initial value (closed expression)
                  proc i -> case i of            -- the step, in arrow notation
                    Incr -> do
                      n <- get -< ()
                      put -< n + 1
                      returnA -< Ok
                    Count -> do
                      n <- get -< ()
                      returnA -< Total n
                  where                          -- optional: local arrows sharing the machine's state
                    bump = proc k -> do
                      n <- get -< ()
                      put -< n + k

                upgrade Counter1.counter -> counter      -- old machine (imported) -> new machine
                  state  = proc n -> returnA -< (n, n)    -- migration: OldState -> NewState (pure)
                  input  = proc i -> returnA -< i         -- optional: OldInput -> NewInput
                  output = proc o -> returnA -< o         -- optional: NewOutput -> OldOutput

                downgrade counter -> Counter1.counter
                  state  = proc (old, new) -> returnA -< new
                """;
        ParseResult result = Parser.parseModule("Section5.sm", section5);
        assertTrue(result.diagnostics().isEmpty(), () -> result.diagnostics().toString());
        assertEquals("""
                (module Counter1
                  (import Prelude)
                  (import Counter1)
                  (import Counter1 as C)
                  (data Input [] Incr Count)
                  (data Output [] Ok (Total Int))
                  (type Pair2 [] (tuple Int Int))
                  (sig double (-> Int Int))
                  (fun double n (+ n n))
                  (fun clamp (tuple lo hi x) (if (< x lo) lo (if (> x hi) hi x)))
                  (machine counter Input Output (state Int 0) (proc i (case i \
                (Incr -> (do (<- n (-< get ())) (-< put (+ n 1)) (-< returnA Ok))) \
                (Count -> (do (<- n (-< get ())) (-< returnA (Total n)))))) \
                (where (arrow bump (proc k (do (<- n (-< get ())) (-< put (+ n k)))))))
                  (upgrade Counter1.counter counter (state (proc n (-< returnA (tuple n n)))) \
                (input (proc i (-< returnA i))) (output (proc o (-< returnA o))))
                  (downgrade counter Counter1.counter (state (proc (tuple old new) (-< returnA new)))))""",
                AstPrinter.print(result.module()));
    }
}
