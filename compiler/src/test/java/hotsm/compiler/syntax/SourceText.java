package hotsm.compiler.syntax;

/**
 * Prints expressions and patterns as source text with the fewest parentheses
 * the operator table of LANGUAGE.md §2 allows (an independent statement of
 * that table, for round-trip properties). {@code case} uses explicit braces,
 * so the text never depends on layout.
 */
final class SourceText {
    private SourceText() {}

    // 0: if/let/case (extend to the right); 1 ||; 2 &&; 3 comparisons; 4 ++; 5 + -; 6 * / %; 7 unary -; 8 application; 9 atoms
    static String expr(Expr e, int context) {
        int own = precedence(e);
        String text = bare(e);
        boolean open = own == 0 && context > 0;
        return own < context || open ? "(" + text + ")" : text;
    }

    private static int precedence(Expr e) {
        if (e instanceof Expr.Binary b) return level(b.op());
        if (e instanceof Expr.Negate) return 7;
        if (e instanceof Expr.IntLit i && i.value() < 0) return 7;
        if (e instanceof Expr.App) return 8;
        if (e instanceof Expr.If || e instanceof Expr.Let || e instanceof Expr.Case) return 0;
        return 9;
    }

    private static int level(BinaryOp op) {
        return switch (op) {
            case OR -> 1;
            case AND -> 2;
            case EQ, NE, LT, LE, GT, GE -> 3;
            case CONCAT -> 4;
            case ADD, SUB -> 5;
            case MUL, DIV, MOD -> 6;
        };
    }

    private static String bare(Expr e) {
        if (e instanceof Expr.Binary b) {
            int p = level(b.op());
            int left = b.op() == BinaryOp.CONCAT || p == 3 ? p + 1 : p;
            int right = b.op() == BinaryOp.CONCAT ? p : p + 1;
            return expr(b.left(), left) + " " + b.op().symbol() + " " + expr(b.right(), right);
        }
        if (e instanceof Expr.Negate n) {
            return "- " + (n.operand() instanceof Expr.IntLit ? "(" + bare(n.operand()) + ")" : expr(n.operand(), 7));
        }
        if (e instanceof Expr.App a) {
            StringBuilder out = new StringBuilder(expr(a.function(), 9));
            for (Expr arg : a.args()) out.append(' ').append(expr(arg, 9));
            return out.toString();
        }
        if (e instanceof Expr.If i) {
            return "if " + expr(i.condition(), 0) + " then " + expr(i.then(), 0) + " else " + expr(i.otherwise(), 0);
        }
        if (e instanceof Expr.Let l) return "let " + pattern(l.pattern(), false) + " = " + expr(l.value(), 0) + " in " + expr(l.body(), 0);
        if (e instanceof Expr.Case c) {
            StringBuilder out = new StringBuilder("case " + expr(c.scrutinee(), 0) + " of {");
            for (int k = 0; k < c.alternatives().size(); k++) {
                Expr.Alt alt = c.alternatives().get(k);
                out.append(k == 0 ? " " : " ; ").append(pattern(alt.pattern(), false)).append(" -> ").append(expr(alt.body(), 0));
            }
            return out.append(" }").toString();
        }
        if (e instanceof Expr.Tuple t) return "(" + String.join(", ", t.components().stream().map(c -> expr(c, 0)).toList()) + ")";
        if (e instanceof Expr.StrLit s) return quote(s.value());
        return AstPrinter.print(e); // literals, (), names
    }

    static String pattern(Pattern p, boolean argument) {
        if (p instanceof Pattern.Con c && !c.args().isEmpty()) {
            StringBuilder out = new StringBuilder(c.constructor().toString());
            for (Pattern a : c.args()) out.append(' ').append(pattern(a, true));
            return argument ? "(" + out + ")" : out.toString();
        }
        if (p instanceof Pattern.IntLit i && i.value() < 0 && argument) return "(" + i.value() + ")";
        if (p instanceof Pattern.Tuple t) return "(" + String.join(", ", t.components().stream().map(c -> pattern(c, false)).toList()) + ")";
        if (p instanceof Pattern.StrLit s) return quote(s.value());
        return AstPrinter.print(p);
    }

    private static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\t", "\\t") + '"';
    }
}
