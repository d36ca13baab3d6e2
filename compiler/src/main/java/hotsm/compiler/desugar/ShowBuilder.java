package hotsm.compiler.desugar;

import hotsm.compiler.ir.Term;
import hotsm.compiler.types.DataType;
import hotsm.compiler.types.Type;
import hotsm.vm.bytecode.PrimOp;
import hotsm.vm.types.Shape;
import hotsm.vm.value.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code show : a -> String} specialised to one closed type (LANGUAGE.md
 * §12): a term {@code T -> String} that prints a value of T in value syntax,
 * as the VM's {@code ValuePrinter} does ({@code Just (-3)},
 * {@code [1, 2]}, {@code Map.fromList [(1, "a")]},
 * {@code Account { balance = 3 }}). Strings are quoted by the String
 * module's {@code quote}; lists by a fold.
 */
final class ShowBuilder {
    private final Lowering lowering;

    ShowBuilder(Lowering lowering) { this.lowering = lowering; }

    Term show(Type type) { return show(lowering.erasure.resolve(type), false); }

    /** @param argument the value stands as a constructor's argument (then {@code Just 1} and {@code -3} need parentheses) */
    private Term show(Type t, boolean argument) {
        if (t instanceof Type.Unit) return text("()");
        if (t instanceof Type.Tuple tu) {
            List<Term> parts = new ArrayList<>();
            parts.add(text("("));
            int n = tu.components().size();
            for (int i = 0; i < n; i++) {
                if (i > 0) parts.add(text(", "));
                parts.add(Terms.seq(Lowering.projection(i, n), show(tu.components().get(i), false)));
            }
            parts.add(text(")"));
            return concat(parts);
        }
        if (!(t instanceof Type.Con c)) throw new IllegalArgumentException("a function cannot be shown: " + t);
        if (c.equals(Type.INT)) {
            Term plain = new Term.Prim(PrimOp.SHOW_INT);
            if (!argument) return plain;
            Term negative = Terms.seq(Terms.fork(Term.ID, Terms.constant(Shape.INT, Value.of(0))), new Term.Prim(PrimOp.LT));
            return MatchCompiler.branch(Scope.root(), negative, concat(List.of(text("("), plain, text(")"))), plain);
        }
        if (c.equals(Type.STRING)) return new Term.Prim(PrimOp.STR_QUOTE);
        if (c.name().equals(Type.LIST)) return list(c.args().get(0));
        if (c.name().equals(Type.MAP)) {
            Term entries = Terms.seq(new Term.Prim(PrimOp.MAP_TO_LIST), list(new Type.Tuple(c.args())));
            Term map = concat(List.of(text("Map.fromList "), entries));
            return argument ? concat(List.of(text("("), map, text(")"))) : map;
        }
        return data(c, argument);
    }

    /** {@code "[" ++ fold (\(acc, x) -> if acc == "" then show x else acc ++ ", " ++ show x) "" xs ++ "]"}: show never gives "". */
    private Term list(Type element) {
        // the fold's input is (xs, ("", xs)); its step sees (xs, (acc, x))
        Term acc = Terms.pipeline(Term.SND, Term.FST);
        Term x = Terms.pipeline(Term.SND, Term.SND, show(element, false));
        Term first = Terms.seq(Terms.fork(acc, Terms.constant(Shape.STR, Value.of(""))), new Term.Prim(PrimOp.EQ));
        Term more = concat(List.of(acc, text(", "), x));
        Scope step = Scope.root();
        Term body = MatchCompiler.branch(step, first, x, more);
        Term fold = Terms.seq(Terms.fork(Term.ID, Terms.fork(text(""), Term.ID)), new Term.Fold(body));
        return concat(List.of(text("["), fold, text("]")));
    }

    private Term data(Type.Con c, boolean argument) {
        DataType dt = lowering.erasure.data(c);
        java.util.Map<Integer, Type> inst = new java.util.HashMap<>();
        for (int i = 0; i < dt.params().size(); i++) inst.put(dt.params().get(i).id(), c.args().get(i));
        Erasure fields = new Erasure(lowering.erasure.dataTypes(), inst);
        List<Term> branches = new ArrayList<>();
        for (DataType.Constructor k : dt.constructors()) {
            List<Type> types = fields.resolveAll(k.fields());
            int n = types.size();
            if (n == 0) {
                branches.add(text(k.name()));
                continue;
            }
            List<Term> parts = new ArrayList<>();
            if (argument) parts.add(text("("));
            parts.add(text(k.name() + (k.isRecord() ? " { " : " ")));
            for (int i = 0; i < n; i++) {
                if (i > 0) parts.add(text(k.isRecord() ? ", " : " "));
                if (k.isRecord()) parts.add(text(k.fieldNames().get(i) + " = "));
                parts.add(Terms.seq(Lowering.projection(i, n), show(types.get(i), !k.isRecord())));
            }
            if (k.isRecord()) parts.add(text(" }"));
            if (argument) parts.add(text(")"));
            branches.add(concat(parts));
        }
        Term t = branches.get(branches.size() - 1);
        for (int j = branches.size() - 2; j >= 0; j--) t = new Term.Case(branches.get(j), t);
        return t;
    }

    private static Term text(String s) { return Terms.constant(Shape.STR, Value.of(s)); }

    /** Each part applied to the same input, the results joined left to right. */
    private static Term concat(List<Term> parts) {
        Term t = parts.get(parts.size() - 1);
        for (int i = parts.size() - 2; i >= 0; i--) t = Terms.seq(Terms.fork(parts.get(i), t), new Term.Prim(PrimOp.CONCAT));
        return t;
    }
}
