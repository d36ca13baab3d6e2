package hotsm.compiler.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hotsm.compiler.diag.Diagnostic;
import hotsm.compiler.diag.DiagnosticPrinter;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever the input, the parser returns either a module or diagnostics with
 * sensible positions, and never throws or reports an internal failure.
 */
class ParserFuzzTest {
    private static final String SEED = """
            module Fuzz
            import Counter1 as C
            data Shape a = Circle Int | Rect (a, Int) | None
            type P = (Int, String)
            area : Shape Int -> Int
            area s = case s of
              Circle r -> 3 * r * r
              Rect (w, h) -> if w < 0 then -w * h else w * h
              None -> let z = 0 in z
            machine m : C.Input -> Output
              state (Int, Bool) = (0, False)
              proc input -> case input of
                C.Incr -> do put -< (1, True) ; returnA -< Ok
                _ -> do
                  (n, b) <- get -< ()
                  if b
                  then put -< (n + 1, not b)
                  else bump -< "a\\"b\\n"
                  returnA -< case n of { 0 -> Ok ; _ -> Total n }
              where
                bump = proc k -> returnA -< k
            upgrade C.counter -> m
              state = proc n -> returnA -< (n, False)
              output = proc o -> returnA -< o
            {- nested {- comment -} -} -- end
            """;

    private static final List<String> PIECES = List.of(" ", "\n", "\n  ", "\t", "(", ")", "{", "}", ";", ",", "->", "<-",
            "-<", "=", "|", ":", "-", "+", "==", "do", "of", "case", "if", "then", "else", "let", "in", "where", "proc",
            "machine", "upgrade", "state", "input", "x", "C", "M.x", "1", "99999999999999999999", "\"", "\"s\\q\"", "{-",
            "-}", "--", "_", "@", "\u00e9", "\uFEFF");

    @Provide
    Arbitrary<String> mutatedPrograms() {
        Arbitrary<Integer> position = Arbitraries.integers().between(0, SEED.length());
        Arbitrary<String> piece = Arbitraries.of(PIECES);
        Arbitrary<Integer> cut = Arbitraries.integers().between(0, 12);
        Arbitrary<String> oneMutation = Combinators.combine(position, piece, cut).as((at, insert, length) ->
                SEED.substring(0, at) + insert + SEED.substring(Math.min(SEED.length(), at + length)));
        return oneMutation;
    }

    @Property(tries = 300)
    void mutatedProgramsNeverBreakTheParser(@ForAll("mutatedPrograms") String source) {
        check(source, Parser.parseModule("Fuzz.sm", source));
    }

    @Property(tries = 300)
    void randomTokenSoupNeverBreaksTheParser(@ForAll("soup") String source) {
        check(source, Parser.parseModule("Soup.sm", source));
        ExprParseResult expr = Parser.parseExpression("<repl>", source);
        assertEquals(expr.expr() == null, !expr.diagnostics().isEmpty());
        expr.diagnostics().forEach(d -> checkDiagnostic(d, source));
    }

    @Provide
    Arbitrary<String> soup() {
        return Arbitraries.of(PIECES).list().ofMaxSize(40).map(pieces -> String.join(" ", pieces));
    }

    private static void check(String source, ParseResult result) {
        assertEquals(result.module() == null, !result.diagnostics().isEmpty());
        result.diagnostics().forEach(d -> checkDiagnostic(d, source));
    }

    private static void checkDiagnostic(Diagnostic d, String source) {
        assertFalse(d.message().contains("internal"), d.message());
        assertTrue(d.line() >= 1 && d.column() >= 1 && d.length() >= 1, d::toString);
        assertTrue(d.line() <= source.split("\n", -1).length, d::toString);
        assertFalse(DiagnosticPrinter.render(d, source).isEmpty());
    }
}
