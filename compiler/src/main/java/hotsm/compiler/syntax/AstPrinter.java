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

    public static String print(Decl decl) { return DECLS.visit(decl); }

    private static final DeclVisitor<String> DECLS = new DeclVisitor<>() {
        @Override public String visitData(Decl.Data d) {
            return "(data " + d.name() + " [" + String.join(" ", d.params()) + "]"
                    + all(d.constructors(), AstPrinter::print) + ")";
        }

        @Override public String visitTypeAlias(Decl.TypeAlias a) {
            return "(type " + a.name() + " [" + String.join(" ", a.params()) + "] " + print(a.type()) + ")";
        }

        @Override public String visitSignature(Decl.Signature s) { return "(sig " + s.name() + " " + print(s.type()) + ")"; }

        @Override public String visitFunction(Decl.Function f) {
            return f.parameter().map(p -> "(fun " + f.name() + " " + print(p) + " " + print(f.body()) + ")")
                    .orElseGet(() -> "(const " + f.name() + " " + print(f.body()) + ")");
        }

        @Override public String visitArrow(Decl.Arrow a) { return "(arrow " + a.name() + " " + print(a.proc()) + ")"; }

        @Override public String visitMachine(Decl.Machine m) {
            return "(machine " + m.name() + " " + print(m.input()) + " " + print(m.output())
                    + " (state " + print(m.stateType()) + " " + print(m.initialState()) + ") " + print(m.step())
                    + (m.where().isEmpty() ? "" : " (where" + all(m.where(), AstPrinter::print) + ")") + ")";
        }

        @Override public String visitUpgrade(Decl.Upgrade u) {
            return "(" + u.direction().name().toLowerCase(java.util.Locale.ROOT) + " " + u.from() + " " + u.to()
                    + u.state().map(p -> " (state " + print(p) + ")").orElse("")
                    + u.input().map(p -> " (input " + print(p) + ")").orElse("")
                    + u.output().map(p -> " (output " + print(p) + ")").orElse("") + ")";
        }
    };

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

    public static String print(Cmd cmd) { return CMDS.visit(cmd); }

    private static final CmdVisitor<String> CMDS = new CmdVisitor<>() {
        @Override public String visitFeed(Cmd.Feed f) { return "(-< " + f.arrow() + " " + print(f.input()) + ")"; }

        @Override public String visitDo(Cmd.Do d) {
            return "(do" + all(d.statements(), AstPrinter::print) + " " + print(d.last()) + ")";
        }

        @Override public String visitCase(Cmd.Case c) {
            return "(case " + print(c.scrutinee()) + all(c.alternatives(), a -> "(" + print(a.pattern()) + " -> " + print(a.body()) + ")") + ")";
        }

        @Override public String visitIf(Cmd.If i) {
            return "(if " + print(i.condition()) + " " + print(i.then()) + " " + print(i.otherwise()) + ")";
        }
    };

    public static String print(Cmd.Stmt stmt) { return STMTS.visit(stmt); }

    private static final StmtVisitor<String> STMTS = new StmtVisitor<>() {
        @Override public String visitBind(Cmd.Bind b) { return "(<- " + print(b.pattern()) + " " + print(b.cmd()) + ")"; }

        @Override public String visitLetStmt(Cmd.LetStmt l) { return "(let " + print(l.pattern()) + " " + print(l.value()) + ")"; }

        @Override public String visitExec(Cmd.Exec e) { return print(e.cmd()); }
    };

    public static String print(Expr expr) { return EXPRS.visit(expr); }

    private static final ExprVisitor<String> EXPRS = new ExprVisitor<>() {
        @Override public String visitIntLit(Expr.IntLit i) { return Long.toString(i.value()); }

        @Override public String visitStrLit(Expr.StrLit s) { return quote(s.value()); }

        @Override public String visitUnit(Expr.Unit u) { return "()"; }

        @Override public String visitVar(Expr.Var v) { return v.name().toString(); }

        @Override public String visitCon(Expr.Con c) { return c.name().toString(); }

        @Override public String visitApp(Expr.App a) { return "(" + print(a.function()) + all(a.args(), AstPrinter::print) + ")"; }

        @Override public String visitTuple(Expr.Tuple t) { return "(tuple" + all(t.components(), AstPrinter::print) + ")"; }

        @Override public String visitBinary(Expr.Binary b) {
            return "(" + b.op().symbol() + " " + print(b.left()) + " " + print(b.right()) + ")";
        }

        @Override public String visitNegate(Expr.Negate n) { return "(negate " + print(n.operand()) + ")"; }

        @Override public String visitIf(Expr.If i) {
            return "(if " + print(i.condition()) + " " + print(i.then()) + " " + print(i.otherwise()) + ")";
        }

        @Override public String visitLet(Expr.Let l) {
            return "(let " + print(l.pattern()) + " " + print(l.value()) + " " + print(l.body()) + ")";
        }

        @Override public String visitCase(Expr.Case c) {
            return "(case " + print(c.scrutinee()) + all(c.alternatives(), a -> "(" + print(a.pattern()) + " -> " + print(a.body()) + ")") + ")";
        }

        @Override public String visitListLit(Expr.ListLit l) { return "(list" + all(l.elements(), AstPrinter::print) + ")"; }

        @Override public String visitCons(Expr.Cons c) { return "(:: " + print(c.head()) + " " + print(c.tail()) + ")"; }

        @Override public String visitLambda(Expr.Lambda l) { return "(\\ " + print(l.parameter()) + " " + print(l.body()) + ")"; }

        @Override public String visitField(Expr.Field f) { return "(. " + print(f.record()) + " " + f.field() + ")"; }

        @Override public String visitRecordCon(Expr.RecordCon r) {
            return "(record " + r.constructor() + all(r.fields(), b -> "(" + b.name() + " " + print(b.value()) + ")") + ")";
        }

        @Override public String visitRecordUpdate(Expr.RecordUpdate r) {
            return "(update " + print(r.record()) + all(r.fields(), b -> "(" + b.name() + " " + print(b.value()) + ")") + ")";
        }
    };

    public static String print(Pattern pattern) { return PATTERNS.visit(pattern); }

    private static final PatternVisitor<String> PATTERNS = new PatternVisitor<>() {
        @Override public String visitWild(Pattern.Wild w) { return "_"; }

        @Override public String visitVar(Pattern.Var v) { return v.name(); }

        @Override public String visitIntLit(Pattern.IntLit i) { return Long.toString(i.value()); }

        @Override public String visitStrLit(Pattern.StrLit s) { return quote(s.value()); }

        @Override public String visitUnit(Pattern.Unit u) { return "()"; }

        @Override public String visitTuple(Pattern.Tuple t) { return "(tuple" + all(t.components(), AstPrinter::print) + ")"; }

        @Override public String visitListPat(Pattern.ListPat l) { return "(list" + all(l.elements(), AstPrinter::print) + ")"; }

        @Override public String visitCons(Pattern.Cons c) { return "(:: " + print(c.head()) + " " + print(c.tail()) + ")"; }

        @Override public String visitRecord(Pattern.Record r) {
            return "(record " + r.constructor() + all(r.fields(), f -> "(" + f.name() + " " + print(f.pattern()) + ")") + ")";
        }

        @Override public String visitCon(Pattern.Con c) {
            return c.args().isEmpty() ? c.constructor().toString() : "(" + c.constructor() + all(c.args(), AstPrinter::print) + ")";
        }
    };

    public static String print(TypeExpr type) { return TYPES.visit(type); }

    private static final TypeExprVisitor<String> TYPES = new TypeExprVisitor<>() {
        @Override public String visitCon(TypeExpr.Con c) {
            return c.args().isEmpty() ? c.name().toString() : "(" + c.name() + all(c.args(), AstPrinter::print) + ")";
        }

        @Override public String visitVar(TypeExpr.Var v) { return v.name(); }

        @Override public String visitUnit(TypeExpr.Unit u) { return "()"; }

        @Override public String visitTuple(TypeExpr.Tuple t) { return "(tuple" + all(t.components(), AstPrinter::print) + ")"; }

        @Override public String visitFun(TypeExpr.Fun f) { return "(-> " + print(f.from()) + " " + print(f.to()) + ")"; }
    };

    private static <T> String all(List<T> items, Function<T, String> printer) {
        StringBuilder out = new StringBuilder();
        for (T item : items) out.append(' ').append(printer.apply(item));
        return out.toString();
    }

    private static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\t", "\\t") + '"';
    }
}
