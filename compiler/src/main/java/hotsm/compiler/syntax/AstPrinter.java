package hotsm.compiler.syntax;

import java.util.List;
import java.util.function.Function;

/**
 * Prints the AST as S-expressions without positions, for tests and
 * debugging: {@code (machine counter Input Output (state Int 0) (proc i ...))}.
 * Applications print as {@code (f a b)}, operators as {@code (+ a b)}, tuples
 * as {@code (tuple a b)}, commands as {@code (-< f e)}, {@code (do ...)},
 * binds as {@code (<- p cmd)}.
 */
public final class AstPrinter {
    private AstPrinter() {}

    /** One declaration per line after the module line. */
    public static String print(Module module) {
        StringBuilder out = new StringBuilder("(module " + module.name());
        for (Module.Import i : module.imports()) {
            out.append("\n  (import ").append(i.module()).append(i.alias().map(a -> " as " + a).orElse("")).append(')');
        }
        for (Decl d : module.decls()) out.append("\n  ").append(print(d));
        return out.append(')').toString();
    }

    public static String print(Decl decl) {
        if (decl instanceof Decl.Data d) {
            return "(data " + d.name() + " [" + String.join(" ", d.params()) + "]"
                    + all(d.constructors(), AstPrinter::print) + ")";
        }
        if (decl instanceof Decl.TypeAlias a) {
            return "(type " + a.name() + " [" + String.join(" ", a.params()) + "] " + print(a.type()) + ")";
        }
        if (decl instanceof Decl.Signature s) return "(sig " + s.name() + " " + print(s.type()) + ")";
        if (decl instanceof Decl.Function f) {
            return f.parameter().map(p -> "(fun " + f.name() + " " + print(p) + " " + print(f.body()) + ")")
                    .orElseGet(() -> "(const " + f.name() + " " + print(f.body()) + ")");
        }
        if (decl instanceof Decl.Arrow a) return "(arrow " + a.name() + " " + print(a.proc()) + ")";
        if (decl instanceof Decl.Machine m) {
            return "(machine " + m.name() + " " + print(m.input()) + " " + print(m.output())
                    + " (state " + print(m.stateType()) + " " + print(m.initialState()) + ") " + print(m.step())
                    + (m.where().isEmpty() ? "" : " (where" + all(m.where(), AstPrinter::print) + ")") + ")";
        }
        Decl.Upgrade u = (Decl.Upgrade) decl;
        return "(" + u.direction().name().toLowerCase(java.util.Locale.ROOT) + " " + u.from() + " " + u.to()
                + u.state().map(p -> " (state " + print(p) + ")").orElse("")
                + u.input().map(p -> " (input " + print(p) + ")").orElse("")
                + u.output().map(p -> " (output " + print(p) + ")").orElse("") + ")";
    }

    private static String print(Decl.ConDecl c) {
        if (c.isRecord()) {
            StringBuilder out = new StringBuilder("(" + c.name() + " {");
            for (int i = 0; i < c.fields().size(); i++) {
                out.append(' ').append(c.fieldNames().get(i)).append(" : ").append(print(c.fields().get(i)));
            }
            return out.append(" })").toString();
        }
        return c.fields().isEmpty() ? c.name() : "(" + c.name() + all(c.fields(), AstPrinter::print) + ")";
    }

    public static String print(Proc proc) { return "(proc " + print(proc.parameter()) + " " + print(proc.body()) + ")"; }

    public static String print(Cmd cmd) {
        if (cmd instanceof Cmd.Feed f) return "(-< " + f.arrow() + " " + print(f.input()) + ")";
        if (cmd instanceof Cmd.Do d) return "(do" + all(d.statements(), AstPrinter::print) + " " + print(d.last()) + ")";
        if (cmd instanceof Cmd.Case c) {
            return "(case " + print(c.scrutinee()) + all(c.alternatives(), a -> "(" + print(a.pattern()) + " -> " + print(a.body()) + ")") + ")";
        }
        Cmd.If i = (Cmd.If) cmd;
        return "(if " + print(i.condition()) + " " + print(i.then()) + " " + print(i.otherwise()) + ")";
    }

    public static String print(Cmd.Stmt stmt) {
        if (stmt instanceof Cmd.Bind b) return "(<- " + print(b.pattern()) + " " + print(b.cmd()) + ")";
        if (stmt instanceof Cmd.LetStmt l) return "(let " + print(l.pattern()) + " " + print(l.value()) + ")";
        return print(((Cmd.Exec) stmt).cmd());
    }

    public static String print(Expr expr) {
        if (expr instanceof Expr.IntLit i) return Long.toString(i.value());
        if (expr instanceof Expr.StrLit s) return quote(s.value());
        if (expr instanceof Expr.Unit) return "()";
        if (expr instanceof Expr.Var v) return v.name().toString();
        if (expr instanceof Expr.Con c) return c.name().toString();
        if (expr instanceof Expr.App a) return "(" + print(a.function()) + all(a.args(), AstPrinter::print) + ")";
        if (expr instanceof Expr.Tuple t) return "(tuple" + all(t.components(), AstPrinter::print) + ")";
        if (expr instanceof Expr.Binary b) return "(" + b.op().symbol() + " " + print(b.left()) + " " + print(b.right()) + ")";
        if (expr instanceof Expr.Negate n) return "(negate " + print(n.operand()) + ")";
        if (expr instanceof Expr.If i) {
            return "(if " + print(i.condition()) + " " + print(i.then()) + " " + print(i.otherwise()) + ")";
        }
        if (expr instanceof Expr.Let l) return "(let " + print(l.pattern()) + " " + print(l.value()) + " " + print(l.body()) + ")";
        if (expr instanceof Expr.ListLit l) return "(list" + all(l.elements(), AstPrinter::print) + ")";
        if (expr instanceof Expr.Cons c) return "(:: " + print(c.head()) + " " + print(c.tail()) + ")";
        if (expr instanceof Expr.Lambda l) return "(\\ " + print(l.parameter()) + " " + print(l.body()) + ")";
        if (expr instanceof Expr.Field f) return "(. " + print(f.record()) + " " + f.field() + ")";
        if (expr instanceof Expr.RecordCon r) {
            return "(record " + r.constructor() + all(r.fields(), b -> "(" + b.name() + " " + print(b.value()) + ")") + ")";
        }
        if (expr instanceof Expr.RecordUpdate r) {
            return "(update " + print(r.record()) + all(r.fields(), b -> "(" + b.name() + " " + print(b.value()) + ")") + ")";
        }
        Expr.Case c = (Expr.Case) expr;
        return "(case " + print(c.scrutinee()) + all(c.alternatives(), a -> "(" + print(a.pattern()) + " -> " + print(a.body()) + ")") + ")";
    }

    public static String print(Pattern pattern) {
        if (pattern instanceof Pattern.Wild) return "_";
        if (pattern instanceof Pattern.Var v) return v.name();
        if (pattern instanceof Pattern.IntLit i) return Long.toString(i.value());
        if (pattern instanceof Pattern.StrLit s) return quote(s.value());
        if (pattern instanceof Pattern.Unit) return "()";
        if (pattern instanceof Pattern.Tuple t) return "(tuple" + all(t.components(), AstPrinter::print) + ")";
        if (pattern instanceof Pattern.ListPat l) return "(list" + all(l.elements(), AstPrinter::print) + ")";
        if (pattern instanceof Pattern.Cons c) return "(:: " + print(c.head()) + " " + print(c.tail()) + ")";
        if (pattern instanceof Pattern.Record r) {
            return "(record " + r.constructor() + all(r.fields(), f -> "(" + f.name() + " " + print(f.pattern()) + ")") + ")";
        }
        Pattern.Con c = (Pattern.Con) pattern;
        return c.args().isEmpty() ? c.constructor().toString() : "(" + c.constructor() + all(c.args(), AstPrinter::print) + ")";
    }

    public static String print(TypeExpr type) {
        if (type instanceof TypeExpr.Con c) return c.args().isEmpty() ? c.name().toString() : "(" + c.name() + all(c.args(), AstPrinter::print) + ")";
        if (type instanceof TypeExpr.Var v) return v.name();
        if (type instanceof TypeExpr.Unit) return "()";
        if (type instanceof TypeExpr.Tuple t) return "(tuple" + all(t.components(), AstPrinter::print) + ")";
        TypeExpr.Fun f = (TypeExpr.Fun) type;
        return "(-> " + print(f.from()) + " " + print(f.to()) + ")";
    }

    private static <T> String all(List<T> items, Function<T, String> printer) {
        StringBuilder out = new StringBuilder();
        for (T item : items) out.append(' ').append(printer.apply(item));
        return out.toString();
    }

    private static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\t", "\\t") + '"';
    }
}
