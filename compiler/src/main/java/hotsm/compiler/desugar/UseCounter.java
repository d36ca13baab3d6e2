package hotsm.compiler.desugar;

import hotsm.compiler.types.Typed;
import hotsm.compiler.types.TypedCmdVisitor;
import hotsm.compiler.types.TypedExprVisitor;
import hotsm.compiler.types.TypedStmtVisitor;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * How many places name each function, constant and local arrow in the code
 * one term reaches (a machine's step, a migration, an expression) and in the
 * bodies of the functions it reaches, each body counted once: one used in
 * more than one place becomes a shared definition that every use calls
 * (LANGUAGE.md §13), one used once is inlined where it is used. Counting
 * only what the term reaches makes a machine's code, hence its identity,
 * the same whatever else is compiled with it. Walks with an explicit stack.
 */
final class UseCounter {
    private final Map<String, Typed.Function> functions;
    private final Map<String, Integer> counts = new HashMap<>();
    private final Deque<Object> work = new ArrayDeque<>();

    private UseCounter(Map<String, Typed.Function> functions) { this.functions = functions; }

    /** The counts for the code of {@code root} (a {@link Typed.Proc} or a {@link Typed.Expr}). */
    static Map<String, Integer> count(Map<String, Typed.Function> functions, Object root) {
        UseCounter c = new UseCounter(functions);
        if (root instanceof Typed.Proc p) c.proc(p);
        else c.work.push(root);
        c.run();
        return c.counts;
    }

    private void function(Typed.Function f) {
        if (f.body() != null) work.push(f.body());
        if (f.proc() != null) proc(f.proc());
    }

    private void proc(Typed.Proc p) { work.push(p.body()); }

    private void use(String name) {
        if (counts.merge(name, 1, Integer::sum) == 1) {
            Typed.Function f = functions.get(name);
            if (f != null) function(f);
        }
    }

    private void run() {
        while (!work.isEmpty()) {
            Object o = work.pop();
            if (o instanceof Typed.Expr e) exprs.visit(e);
            else if (o instanceof Typed.Cmd c) cmds.visit(c);
        }
    }

    /** Counts what one expression node names and pushes its children. */
    private final TypedExprVisitor<Void> exprs = new TypedExprVisitor<>() {
        @Override public Void visitIntLit(Typed.IntLit i) { return null; }

        @Override public Void visitStrLit(Typed.StrLit s) { return null; }

        @Override public Void visitUnitLit(Typed.UnitLit u) { return null; }

        @Override public Void visitLocal(Typed.Local l) { return null; }

        @Override public Void visitPrimRef(Typed.PrimRef p) { return null; }

        @Override public Void visitConstant(Typed.Constant c) { use(c.function()); return null; }

        @Override public Void visitCall(Typed.Call c) { use(c.function()); work.push(c.argument()); return null; }

        @Override public Void visitFunctionRef(Typed.FunctionRef f) { use(f.function()); return null; }

        @Override public Void visitPrimCall(Typed.PrimCall p) { work.push(p.argument()); return null; }

        @Override public Void visitConstruct(Typed.Construct c) { c.args().forEach(work::push); return null; }

        @Override public Void visitTuple(Typed.Tuple t) { t.components().forEach(work::push); return null; }

        @Override public Void visitBinary(Typed.Binary b) { work.push(b.left()); work.push(b.right()); return null; }

        @Override public Void visitNegate(Typed.Negate n) { work.push(n.operand()); return null; }

        @Override public Void visitIf(Typed.If i) {
            work.push(i.condition());
            work.push(i.then());
            work.push(i.otherwise());
            return null;
        }

        @Override public Void visitLet(Typed.Let l) { work.push(l.value()); work.push(l.body()); return null; }

        @Override public Void visitCase(Typed.Case c) {
            work.push(c.scrutinee());
            c.alternatives().forEach(a -> work.push(a.body()));
            return null;
        }

        @Override public Void visitListLit(Typed.ListLit l) { l.elements().forEach(work::push); return null; }

        @Override public Void visitCons(Typed.Cons c) { work.push(c.head()); work.push(c.tail()); return null; }

        @Override public Void visitLambda(Typed.Lambda l) { work.push(l.body()); return null; }

        @Override public Void visitLocalCall(Typed.LocalCall c) { work.push(c.argument()); return null; }

        @Override public Void visitFold(Typed.Fold f) {
            work.push(f.function());
            work.push(f.initial());
            work.push(f.list());
            return null;
        }

        @Override public Void visitShow(Typed.Show s) { work.push(s.argument()); return null; }

        @Override public Void visitFail(Typed.Fail f) { work.push(f.message()); return null; }

        @Override public Void visitField(Typed.Field f) { work.push(f.record()); return null; }

        @Override public Void visitUpdate(Typed.Update u) { work.push(u.record()); u.values().forEach(work::push); return null; }
    };

    /** Counts what one command node names and pushes its children. */
    private final TypedCmdVisitor<Void> cmds = new TypedCmdVisitor<>() {
        @Override public Void visitFeed(Typed.Feed f) {
            if (f.arrow() instanceof Typed.FunctionArrow a) use(a.function());
            if (f.arrow() instanceof Typed.LocalArrow a) use(a.name());
            work.push(f.input());
            return null;
        }

        @Override public Void visitDo(Typed.Do d) {
            for (Typed.Stmt s : d.statements()) work.push(stmts.visit(s));
            work.push(d.last());
            return null;
        }

        @Override public Void visitIfCmd(Typed.IfCmd i) {
            work.push(i.condition());
            work.push(i.then());
            work.push(i.otherwise());
            return null;
        }

        @Override public Void visitCaseCmd(Typed.CaseCmd k) {
            work.push(k.scrutinee());
            k.alternatives().forEach(a -> work.push(a.body()));
            return null;
        }
    };

    /** What of a statement is code: its command or its value. */
    private final TypedStmtVisitor<Object> stmts = new TypedStmtVisitor<>() {
        @Override public Object visitBind(Typed.Bind b) { return b.cmd(); }

        @Override public Object visitExec(Typed.Exec x) { return x.cmd(); }

        @Override public Object visitLetStmt(Typed.LetStmt l) { return l.value(); }
    };
}
