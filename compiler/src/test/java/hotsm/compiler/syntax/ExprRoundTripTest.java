package hotsm.compiler.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Printing a random expression with as few parentheses as the operator table
 * of LANGUAGE.md §2 allows and parsing it back gives the same tree: this
 * checks precedence, associativity, unary minus, negative literals and
 * string escapes against an independent statement of the table.
 */
class ExprRoundTripTest {
    private static final Position P = new Position("gen", 1, 1);

    @Property(tries = 400)
    void printedExpressionsParseBackToThemselves(@ForAll("expressions") Expr expr) {
        String source = SourceText.expr(expr, 0);
        ExprParseResult parsed = Parser.parseExpression("gen", source);
        assertTrue(parsed.diagnostics().isEmpty(), () -> source + "\n" + parsed.diagnostics());
        assertEquals(AstPrinter.print(expr), AstPrinter.print(parsed.expr()), source);
    }

    @Provide
    Arbitrary<Expr> expressions() { return expr(4); }

    static Arbitrary<Expr> expr(int depth) {
        Arbitrary<Expr> leaf = Arbitraries.oneOf(
                Arbitraries.longs().map(v -> (Expr) new Expr.IntLit(v, P)),
                Arbitraries.strings().withChars("ab\"\\\n\t ").ofMaxLength(4).map(s -> (Expr) new Expr.StrLit(s, P)),
                Arbitraries.just(new Expr.Unit(P)),
                Arbitraries.of("x", "input", "state", "f'", "M.y").map(n -> (Expr) new Expr.Var(name(n), P)),
                Arbitraries.of("True", "Nothing", "C.Ok").map(n -> (Expr) new Expr.Con(name(n), P)));
        if (depth == 0) return leaf;
        Arbitrary<Expr> sub = Arbitraries.lazy(() -> expr(depth - 1));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, leaf),
                net.jqwik.api.Tuple.of(4, Combinators.combine(Arbitraries.of(BinaryOp.values()), sub, sub)
                        .as((op, l, r) -> (Expr) new Expr.Binary(op, l, r, P))),
                net.jqwik.api.Tuple.of(1, sub.map(e -> (Expr) new Expr.Negate(e, P))),
                net.jqwik.api.Tuple.of(2, Combinators.combine(Arbitraries.of("f", "Just", "M.g"), sub.list().ofMinSize(1).ofMaxSize(2))
                        .as((f, args) -> (Expr) new Expr.App(Character.isUpperCase(f.charAt(0)) && f.indexOf('.') < 0
                                ? new Expr.Con(name(f), P) : new Expr.Var(name(f), P), args, P))),
                net.jqwik.api.Tuple.of(1, sub.list().ofMinSize(2).ofMaxSize(3).map(cs -> (Expr) new Expr.Tuple(cs, P))),
                net.jqwik.api.Tuple.of(1, Combinators.combine(sub, sub, sub).as((c, a, b) -> (Expr) new Expr.If(c, a, b, P))),
                net.jqwik.api.Tuple.of(1, Combinators.combine(pattern(2), sub, sub).as((p, v, b) -> (Expr) new Expr.Let(p, v, b, P))),
                net.jqwik.api.Tuple.of(1, Combinators.combine(sub, Combinators.combine(pattern(2), sub)
                                .as((p, b) -> new Expr.Alt(p, b, P)).list().ofMinSize(1).ofMaxSize(3))
                        .as((s, alts) -> (Expr) new Expr.Case(s, alts, P))));
    }

    static Arbitrary<Pattern> pattern(int depth) {
        Arbitrary<Pattern> leaf = Arbitraries.oneOf(
                Arbitraries.just(new Pattern.Wild(P)),
                Arbitraries.of("a", "input", "b'").map(n -> (Pattern) new Pattern.Var(n, P)),
                Arbitraries.longs().map(v -> (Pattern) new Pattern.IntLit(v, P)),
                Arbitraries.of("", "q\"").map(s -> (Pattern) new Pattern.StrLit(s, P)),
                Arbitraries.just(new Pattern.Unit(P)),
                Arbitraries.of("Nothing", "C.Ok").map(n -> (Pattern) new Pattern.Con(name(n), List.of(), P)));
        if (depth == 0) return leaf;
        Arbitrary<Pattern> sub = Arbitraries.lazy(() -> pattern(depth - 1));
        return Arbitraries.oneOf(leaf,
                sub.list().ofMinSize(1).ofMaxSize(2).map(args -> (Pattern) new Pattern.Con(name("Just"), args, P)),
                sub.list().ofMinSize(2).ofMaxSize(3).map(cs -> (Pattern) new Pattern.Tuple(cs, P)));
    }

    private static QualName name(String text) {
        int dot = text.indexOf('.');
        return dot < 0 ? QualName.bare(text, P) : new QualName(Optional.of(text.substring(0, dot)), text.substring(dot + 1), P);
    }
}
