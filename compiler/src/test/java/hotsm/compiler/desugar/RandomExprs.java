package hotsm.compiler.desugar;

import static hotsm.compiler.desugar.TypedTrees.*;

import hotsm.compiler.syntax.BinaryOp;
import hotsm.compiler.types.Type;
import hotsm.compiler.types.Typed;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random well-typed closed expressions over Int, Bool, Maybe Int, pairs,
 * lists of Int (literals, cons, list patterns, folds with a lambda that
 * captures) and a record (construction, access, update),
 * with let, if, case (constructor, nested and literal patterns), short-circuit
 * operators and arithmetic that may divide by zero: the inputs of the
 * desugarer's property test.
 */
final class RandomExprs {
    static final Type MAYBE_INT = con("Prelude.Maybe", INT);
    static final Type PAIR = tuple(INT, BOOL);
    static final Type LIST = Type.list(INT);
    /** {@code data Rec = Rec { n : Int, ok : Bool }}. */
    static final Type REC = con("T.Rec");
    static final hotsm.compiler.types.DataType REC_DATA = new hotsm.compiler.types.DataType("T.Rec", "Rec", List.of(),
            List.of(new hotsm.compiler.types.DataType.Constructor("Rec", List.of(INT, BOOL), List.of("n", "ok"))));

    private final Random random;
    private int fresh;

    RandomExprs(Random random) { this.random = random; }

    private record Var(String name, Type type) {}

    Typed.Expr expr(Type t, int depth) { return expr(t, depth, List.of()); }

    private Typed.Expr expr(Type t, int depth, List<Var> scope) {
        List<Var> candidates = new ArrayList<>();
        for (Var v : scope) if (v.type().equals(t)) candidates.add(v);
        if (!candidates.isEmpty() && random.nextInt(3) == 0) {
            Var v = candidates.get(random.nextInt(candidates.size()));
            return var(v.name(), t);
        }
        if (depth <= 0) return leaf(t);
        int choice = random.nextInt(10);
        if (choice == 0) return ifE(expr(BOOL, depth - 1, scope), expr(t, depth - 1, scope), expr(t, depth - 1, scope));
        if (choice == 1) return let(t, depth, scope);
        if (choice == 2) return caseMaybe(t, depth, scope);
        if (choice == 3 && t.equals(INT)) return caseInt(depth, scope);
        if (choice == 4) return casePair(t, depth, scope);
        if (choice == 5 && t.equals(INT)) return random.nextBoolean() ? caseList(depth, scope) : fold(depth, scope);
        if (choice == 6 && (t.equals(INT) || t.equals(BOOL))) {
            return new Typed.Field(expr(REC, depth - 1, scope), new Typed.FieldRef(t.equals(INT) ? "n" : "ok", "T.Rec",
                    t.equals(INT) ? 0 : 1), t, P);
        }
        return structural(t, depth, scope);
    }

    private Typed.Expr leaf(Type t) {
        if (t.equals(INT)) return lit(random.nextInt(7) - 3);
        if (t.equals(BOOL)) return bool(random.nextBoolean());
        if (t.equals(MAYBE_INT)) return random.nextBoolean() ? make("Prelude.Maybe", 0, t) : make("Prelude.Maybe", 1, t, lit(random.nextInt(5)));
        if (t.equals(LIST)) {
            List<Typed.Expr> es = new ArrayList<>();
            for (int i = random.nextInt(3); i > 0; i--) es.add(lit(random.nextInt(5)));
            return new Typed.ListLit(es, LIST, P);
        }
        if (t.equals(REC)) return make("T.Rec", 0, REC, leaf(INT), leaf(BOOL));
        return tup(PAIR, leaf(INT), leaf(BOOL));
    }

    private Typed.Expr structural(Type t, int depth, List<Var> scope) {
        if (t.equals(INT)) {
            if (random.nextInt(6) == 0) return new Typed.Negate(expr(INT, depth - 1, scope), INT, P);
            BinaryOp[] ops = {BinaryOp.ADD, BinaryOp.SUB, BinaryOp.MUL, BinaryOp.DIV, BinaryOp.MOD};
            return bin(ops[random.nextInt(ops.length)], expr(INT, depth - 1, scope), expr(INT, depth - 1, scope), INT);
        }
        if (t.equals(BOOL)) {
            int k = random.nextInt(4);
            if (k == 0) return bin(random.nextBoolean() ? BinaryOp.AND : BinaryOp.OR, expr(BOOL, depth - 1, scope), expr(BOOL, depth - 1, scope), BOOL);
            Type operand = k == 1 ? INT : k == 2 ? MAYBE_INT : PAIR;
            BinaryOp[] ops = {BinaryOp.EQ, BinaryOp.NE, BinaryOp.LT, BinaryOp.LE, BinaryOp.GT, BinaryOp.GE};
            return bin(ops[random.nextInt(ops.length)], expr(operand, depth - 1, scope), expr(operand, depth - 1, scope), BOOL);
        }
        if (t.equals(MAYBE_INT)) {
            return random.nextInt(3) == 0 ? make("Prelude.Maybe", 0, t) : make("Prelude.Maybe", 1, t, expr(INT, depth - 1, scope));
        }
        if (t.equals(LIST)) {
            if (random.nextBoolean()) return new Typed.Cons(expr(INT, depth - 1, scope), expr(LIST, depth - 1, scope), LIST, P);
            return new Typed.ListLit(List.of(expr(INT, depth - 1, scope), expr(INT, depth - 1, scope)), LIST, P);
        }
        if (t.equals(REC)) {
            if (random.nextBoolean()) return make("T.Rec", 0, REC, expr(INT, depth - 1, scope), expr(BOOL, depth - 1, scope));
            return new Typed.Update(expr(REC, depth - 1, scope), List.of(new Typed.FieldRef("n", "T.Rec", 0)),
                    List.of(expr(INT, depth - 1, scope)), REC, P);
        }
        return tup(PAIR, expr(INT, depth - 1, scope), expr(BOOL, depth - 1, scope));
    }

    private String name() { return "v" + fresh++; }

    private List<Var> with(List<Var> scope, Var... more) {
        List<Var> s = new ArrayList<>(scope);
        s.addAll(List.of(more));
        return s;
    }

    private Typed.Expr let(Type t, int depth, List<Var> scope) {
        if (random.nextBoolean()) {
            Var v = new Var(name(), INT);
            return new Typed.Let(pvar(v.name(), INT), expr(INT, depth - 1, scope), expr(t, depth - 1, with(scope, v)), t, P);
        }
        Var a = new Var(name(), INT);
        Var b = new Var(name(), BOOL);
        boolean bindB = random.nextBoolean();
        Typed.Pattern p = ptup(PAIR, pvar(a.name(), INT), bindB ? pvar(b.name(), BOOL) : wild(BOOL));
        List<Var> inner = bindB ? with(scope, a, b) : with(scope, a);
        return new Typed.Let(p, expr(PAIR, depth - 1, scope), expr(t, depth - 1, inner), t, P);
    }

    private Typed.Expr caseMaybe(Type t, int depth, List<Var> scope) {
        Var x = new Var(name(), INT);
        Typed.Expr scrutinee = expr(MAYBE_INT, depth - 1, scope);
        List<Typed.Alt> alts = new ArrayList<>();
        if (random.nextBoolean()) alts.add(alt(pcon("Prelude.Maybe", 1, MAYBE_INT, pint(random.nextInt(3))), expr(t, depth - 1, scope)));
        alts.add(alt(pcon("Prelude.Maybe", 1, MAYBE_INT, pvar(x.name(), INT)), expr(t, depth - 1, with(scope, x))));
        alts.add(alt(random.nextBoolean() ? pcon("Prelude.Maybe", 0, MAYBE_INT) : wild(MAYBE_INT), expr(t, depth - 1, scope)));
        return caseE(scrutinee, t, alts.toArray(Typed.Alt[]::new));
    }

    private Typed.Expr caseInt(int depth, List<Var> scope) {
        Var n = new Var(name(), INT);
        return caseE(expr(INT, depth - 1, scope), INT,
                alt(pint(0), expr(INT, depth - 1, scope)),
                alt(pint(-1), expr(INT, depth - 1, scope)),
                alt(pvar(n.name(), INT), expr(INT, depth - 1, with(scope, n))));
    }

    /** {@code case xs of [] -> a ; [y] -> b ; y :: ys -> c}, the variables in scope. */
    private Typed.Expr caseList(int depth, List<Var> scope) {
        Var y = new Var(name(), INT);
        Var ys = new Var(name(), LIST);
        Typed.Pattern nil = new Typed.PNil(LIST, P);
        return caseE(expr(LIST, depth - 1, scope), INT,
                alt(nil, expr(INT, depth - 1, scope)),
                alt(new Typed.PCons(pvar(y.name(), INT), nil, LIST, P), expr(INT, depth - 1, with(scope, y))),
                alt(new Typed.PCons(pvar(y.name(), INT), pvar(ys.name(), LIST), LIST, P), expr(INT, depth - 1, with(scope, y, ys))));
    }

    /** {@code List.foldl (\(acc, x) -> e, init, xs)}: the lambda also sees the variables in scope. */
    private Typed.Expr fold(int depth, List<Var> scope) {
        Var acc = new Var(name(), INT);
        Var x = new Var(name(), INT);
        Type pairType = tuple(INT, INT);
        Typed.Lambda step = new Typed.Lambda(ptup(pairType, pvar(acc.name(), INT), pvar(x.name(), INT)),
                expr(INT, depth - 1, with(scope, acc, x)), new Type.Fun(pairType, INT), P);
        return new Typed.Fold(step, expr(INT, depth - 1, scope), expr(LIST, depth - 1, scope), INT, P);
    }

    private Typed.Expr casePair(Type t, int depth, List<Var> scope) {
        Var n = new Var(name(), INT);
        Type nested = tuple(MAYBE_INT, BOOL);
        return caseE(tup(nested, expr(MAYBE_INT, depth - 1, scope), expr(BOOL, depth - 1, scope)), t,
                alt(ptup(nested, pcon("Prelude.Maybe", 1, MAYBE_INT, pvar(n.name(), INT)), pcon("Prelude.Bool", 1, BOOL)),
                        expr(t, depth - 1, with(scope, n))),
                alt(ptup(nested, pcon("Prelude.Maybe", 0, MAYBE_INT), wild(BOOL)), expr(t, depth - 1, scope)),
                alt(ptup(nested, wild(MAYBE_INT), pcon("Prelude.Bool", 0, BOOL)), expr(t, depth - 1, scope)));
    }
}
