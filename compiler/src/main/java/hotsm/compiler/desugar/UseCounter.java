package hotsm.compiler.desugar;

import hotsm.compiler.types.Typed;
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
            if (o instanceof Typed.Expr e) expr(e);
            else if (o instanceof Typed.Cmd c) cmd(c);
        }
    }

    private void expr(Typed.Expr e) {
        if (e instanceof Typed.Constant c) use(c.function());
        else if (e instanceof Typed.Call c) { use(c.function()); work.push(c.argument()); }
        else if (e instanceof Typed.FunctionRef f) use(f.function());
        else if (e instanceof Typed.PrimCall p) work.push(p.argument());
        else if (e instanceof Typed.Construct c) c.args().forEach(work::push);
        else if (e instanceof Typed.Tuple t) t.components().forEach(work::push);
        else if (e instanceof Typed.Binary b) { work.push(b.left()); work.push(b.right()); }
        else if (e instanceof Typed.Negate n) work.push(n.operand());
        else if (e instanceof Typed.If i) { work.push(i.condition()); work.push(i.then()); work.push(i.otherwise()); }
        else if (e instanceof Typed.Let l) { work.push(l.value()); work.push(l.body()); }
        else if (e instanceof Typed.Case c) { work.push(c.scrutinee()); c.alternatives().forEach(a -> work.push(a.body())); }
        else if (e instanceof Typed.ListLit l) l.elements().forEach(work::push);
        else if (e instanceof Typed.Cons c) { work.push(c.head()); work.push(c.tail()); }
        else if (e instanceof Typed.Lambda l) work.push(l.body());
        else if (e instanceof Typed.LocalCall c) work.push(c.argument());
        else if (e instanceof Typed.Fold f) { work.push(f.function()); work.push(f.initial()); work.push(f.list()); }
        else if (e instanceof Typed.Show s) work.push(s.argument());
        else if (e instanceof Typed.Fail f) work.push(f.message());
        else if (e instanceof Typed.Field f) work.push(f.record());
        else if (e instanceof Typed.Update u) { work.push(u.record()); u.values().forEach(work::push); }
    }

    private void cmd(Typed.Cmd c) {
        if (c instanceof Typed.Feed f) {
            if (f.arrow() instanceof Typed.FunctionArrow a) use(a.function());
            if (f.arrow() instanceof Typed.LocalArrow a) use(a.name());
            work.push(f.input());
        } else if (c instanceof Typed.Do d) {
            for (Typed.Stmt s : d.statements()) {
                if (s instanceof Typed.Bind b) work.push(b.cmd());
                else if (s instanceof Typed.Exec x) work.push(x.cmd());
                else work.push(((Typed.LetStmt) s).value());
            }
            work.push(d.last());
        } else if (c instanceof Typed.IfCmd i) {
            work.push(i.condition());
            work.push(i.then());
            work.push(i.otherwise());
        } else if (c instanceof Typed.CaseCmd k) {
            work.push(k.scrutinee());
            k.alternatives().forEach(a -> work.push(a.body()));
        }
    }
}
