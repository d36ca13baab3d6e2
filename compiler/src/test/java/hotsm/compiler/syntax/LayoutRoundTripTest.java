package hotsm.compiler.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random commands printed in a random mix of layout styles — indented blocks,
 * one-line {@code do a ; b}, explicit braces, {@code then}/{@code else} on
 * their own lines, indented or at the {@code do} column — parse back to the
 * same tree, as a top-level arrow and as a machine's step.
 */
class LayoutRoundTripTest {
    private static final Position P = new Position("gen", 1, 1);

    @Property(tries = 300)
    void commandsPrintedWithLayoutParseBackToThemselves(@ForAll("commands") Cmd cmd, @ForAll long seed) {
        Random random = new Random(seed);
        Proc proc = new Proc(new Pattern.Var("x", P), cmd, P);
        String arrow = "a = proc x -> " + new Layout(random).cmd(cmd, 1, false) + "\nz = 1\n";
        assertEquals("(arrow a " + AstPrinter.print(proc) + ")", AstPrinter.print(single(arrow, 0)), arrow);
        String machine = "machine m : A -> B\n  state Int = 0\n  proc x -> " + new Layout(random).cmd(cmd, 3, false)
                + "\n  where\n    b = proc y -> returnA -< y\n";
        assertEquals(AstPrinter.print(proc), AstPrinter.print(((Decl.Machine) single(machine, 0)).step()), machine);
    }

    private static Decl single(String source, int index) {
        ParseResult result = Parser.parseModule("gen.sm", source);
        assertTrue(result.diagnostics().isEmpty(), () -> source + "\n" + result.diagnostics());
        return result.module().decls().get(index);
    }

    @Provide
    Arbitrary<Cmd> commands() { return cmd(3); }

    private static Arbitrary<Cmd> cmd(int depth) {
        Arbitrary<Cmd> feed = Combinators.combine(Arbitraries.of("f", "get", "M.put", "returnA", "input", "state"),
                ExprRoundTripTest.expr(1)).as((f, e) -> (Cmd) new Cmd.Feed(name(f), e, P));
        if (depth == 0) return feed;
        Arbitrary<Cmd> sub = Arbitraries.lazy(() -> cmd(depth - 1));
        Arbitrary<Cmd.Stmt> stmt = Arbitraries.oneOf(
                Combinators.combine(ExprRoundTripTest.pattern(1), sub).as((p, c) -> (Cmd.Stmt) new Cmd.Bind(p, c, P)),
                sub.map(c -> (Cmd.Stmt) new Cmd.Exec(c, P)),
                Combinators.combine(ExprRoundTripTest.pattern(1), ExprRoundTripTest.expr(1))
                        .as((p, e) -> (Cmd.Stmt) new Cmd.LetStmt(p, e, P)));
        return Arbitraries.oneOf(feed,
                Combinators.combine(stmt.list().ofMaxSize(3), sub).as((ss, last) -> (Cmd) new Cmd.Do(ss, last, P)),
                Combinators.combine(ExprRoundTripTest.expr(1), Combinators.combine(ExprRoundTripTest.pattern(1), sub)
                                .as((p, c) -> new Cmd.Alt(p, c, P)).list().ofMinSize(1).ofMaxSize(3))
                        .as((e, alts) -> (Cmd) new Cmd.Case(e, alts, P)),
                Combinators.combine(ExprRoundTripTest.expr(1), sub, sub).as((c, a, b) -> (Cmd) new Cmd.If(c, a, b, P)));
    }

    private static QualName name(String text) {
        int dot = text.indexOf('.');
        return dot < 0 ? QualName.bare(text, P) : new QualName(Optional.of(text.substring(0, dot)), text.substring(dot + 1), P);
    }

    /** Prints commands; every line after the first starts with its absolute indentation. */
    private record Layout(Random random) {
        /**
         * {@code block}: the column of the innermost enclosing layout block
         * (nested lines go to its right). {@code tail}: nothing follows on
         * this line, so a one-line implicit {@code do a ; b} is safe.
         */
        String cmd(Cmd c, int block, boolean tail) {
            int style = random.nextInt(3);
            if (c instanceof Cmd.Feed f) return f.arrow() + " -< " + SourceText.expr(f.input(), 0);
            if (style == 0) return inline(c);
            int inner = block + 2;
            if (c instanceof Cmd.Do d) {
                if (style == 1 && tail && d.statements().stream().allMatch(s -> !(s instanceof Cmd.Exec e && e.cmd() instanceof Cmd.If))) {
                    StringBuilder out = new StringBuilder("do ");
                    for (Cmd.Stmt s : d.statements()) out.append(inlineStmt(s)).append(" ; ");
                    return out.append(inline(d.last())).toString();
                }
                StringBuilder out = new StringBuilder("do");
                for (Cmd.Stmt s : d.statements()) out.append('\n').append(indent(inner)).append(stmt(s, inner));
                out.append('\n').append(indent(inner)).append(statementCmd(d.last(), inner));
                return out.toString();
            }
            if (c instanceof Cmd.Case k) {
                StringBuilder out = new StringBuilder("case " + SourceText.expr(k.scrutinee(), 0) + " of");
                for (Cmd.Alt a : k.alternatives()) {
                    out.append('\n').append(indent(inner)).append(SourceText.pattern(a.pattern(), false)).append(" -> ")
                            .append(cmd(a.body(), inner, true));
                }
                return out.toString();
            }
            Cmd.If i = (Cmd.If) c;
            return "if " + SourceText.expr(i.condition(), 0) + "\n" + indent(inner) + "then " + cmd(i.then(), inner, false)
                    + "\n" + indent(inner) + "else " + cmd(i.otherwise(), inner, true);
        }

        /** A command that is a statement of a do block at column {@code block}: may use DoAndIfThenElse. */
        private String statementCmd(Cmd c, int block) {
            if (c instanceof Cmd.If i && random.nextBoolean()) {
                return "if " + SourceText.expr(i.condition(), 0) + "\n" + indent(block) + "then " + cmd(i.then(), block, false)
                        + "\n" + indent(block) + "else " + cmd(i.otherwise(), block, true);
            }
            return cmd(c, block, true);
        }

        private String stmt(Cmd.Stmt s, int block) {
            if (s instanceof Cmd.Bind b) return SourceText.pattern(b.pattern(), false) + " <- " + cmd(b.cmd(), block, true);
            if (s instanceof Cmd.LetStmt l) return "let " + SourceText.pattern(l.pattern(), false) + " = " + SourceText.expr(l.value(), 0);
            return statementCmd(((Cmd.Exec) s).cmd(), block);
        }

        private String inline(Cmd c) {
            if (c instanceof Cmd.Feed f) return f.arrow() + " -< " + SourceText.expr(f.input(), 0);
            if (c instanceof Cmd.Do d) {
                StringBuilder out = new StringBuilder("do { ");
                for (Cmd.Stmt s : d.statements()) out.append(inlineStmt(s)).append(" ; ");
                return out.append(inline(d.last())).append(" }").toString();
            }
            if (c instanceof Cmd.Case k) {
                StringBuilder out = new StringBuilder("case " + SourceText.expr(k.scrutinee(), 0) + " of {");
                for (int n = 0; n < k.alternatives().size(); n++) {
                    Cmd.Alt a = k.alternatives().get(n);
                    out.append(n == 0 ? " " : " ; ").append(SourceText.pattern(a.pattern(), false)).append(" -> ").append(inline(a.body()));
                }
                return out.append(" }").toString();
            }
            Cmd.If i = (Cmd.If) c;
            return "if " + SourceText.expr(i.condition(), 0) + " then " + inline(i.then()) + " else " + inline(i.otherwise());
        }

        private String inlineStmt(Cmd.Stmt s) {
            if (s instanceof Cmd.Bind b) return SourceText.pattern(b.pattern(), false) + " <- " + inline(b.cmd());
            if (s instanceof Cmd.LetStmt l) return "let " + SourceText.pattern(l.pattern(), false) + " = " + SourceText.expr(l.value(), 0);
            return inline(((Cmd.Exec) s).cmd());
        }

        private static String indent(int column) { return " ".repeat(column - 1); }
    }
}
