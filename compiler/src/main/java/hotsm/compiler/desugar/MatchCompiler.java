package hotsm.compiler.desugar;

import hotsm.compiler.desugar.Scope.Occurrence;
import hotsm.compiler.ir.Term;
import hotsm.compiler.types.DataType;
import hotsm.compiler.types.Typed;
import hotsm.compiler.types.TypedPatternVisitor;
import hotsm.vm.bytecode.PrimOp;
import hotsm.vm.types.Shape;
import hotsm.vm.value.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles pattern matching to a decision tree of {@code Dist}/{@code Case}
 * (the classic clause-matrix scheme): each column is an occurrence in the
 * environment, each row the patterns of one alternative. Tuples and
 * one-constructor data split a column into its fields without any test. The
 * first row's first refutable pattern picks the test: a constructor of a sum
 * pushes the scrutinee, {@code dist}s it and branches once per constructor
 * (the branch's new slot holds that constructor's fields); a literal compares
 * with {@code (==)} and branches on the Bool. A row whose patterns are all
 * irrefutable matches, and its alternative is compiled with its variables
 * bound. The checker has proved every match exhaustive, so running out of
 * rows is an internal error.
 */
final class MatchCompiler {
    /** Compiles alternative {@code action} in a scope where its pattern variables are bound. */
    interface Leaf {
        Term compile(int action, Scope scope);
    }

    /** One alternative: a pattern per column, the variables bound so far, and which alternative it is. */
    record Row(List<Typed.Pattern> patterns, Map<String, Occurrence> bindings, int action) {}

    private final Map<String, DataType> dataTypes;

    MatchCompiler(Map<String, DataType> dataTypes) { this.dataTypes = dataTypes; }

    /** Matches {@code patterns[i]} (alternative i) against the value at {@code scrutinee}. */
    Term compile(Scope scope, Occurrence scrutinee, List<Typed.Pattern> patterns, Leaf leaf) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < patterns.size(); i++) rows.add(new Row(List.of(patterns.get(i)), Map.of(), i));
        return match(scope, List.of(scrutinee), rows, leaf);
    }

    /**
     * Matches tuple patterns (or {@code _}) component-wise against {@code columns}:
     * {@code patterns[i]} is alternative i, a {@link Typed.PTuple} with one component per column.
     */
    Term compileColumns(Scope scope, List<Occurrence> columns, List<Typed.Pattern> patterns, Leaf leaf) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < patterns.size(); i++) {
            Typed.Pattern p = patterns.get(i);
            List<Typed.Pattern> parts = p instanceof Typed.PTuple t ? t.components() : wildcards(columns.size(), p);
            rows.add(new Row(parts, Map.of(), i));
        }
        return match(scope, columns, rows, leaf);
    }

    private Term match(Scope scope, List<Occurrence> columns, List<Row> rows, Leaf leaf) {
        if (rows.isEmpty()) throw new IllegalStateException("a match the checker proved exhaustive is not");
        List<Occurrence> cols = new ArrayList<>(columns);
        List<Row> rs = new ArrayList<>(rows);
        expandIrrefutable(cols, rs);
        Row first = rs.get(0);
        for (int c = 0; c < cols.size(); c++) {
            Term test = test(scope, cols, rs, c, leaf);
            if (test != null) return test;
        }
        Map<String, Occurrence> bound = new HashMap<>(first.bindings());
        for (int c = 0; c < cols.size(); c++) {
            if (first.patterns().get(c) instanceof Typed.PVar v) bound.put(v.name(), cols.get(c));
        }
        return leaf.compile(first.action(), scope.bindAll(bound));
    }

    /** The test on column {@code c} that its first row's pattern asks for; null if that pattern matches anything. */
    private Term test(Scope scope, List<Occurrence> cols, List<Row> rs, int c, Leaf leaf) {
        return new TypedPatternVisitor<Term>() {
            @Override public Term visitPCon(Typed.PCon con) { return constructorTest(scope, cols, rs, c, con, leaf); }

            @Override public Term visitPNil(Typed.PNil n) { return listTest(scope, cols, rs, c, leaf); }

            @Override public Term visitPCons(Typed.PCons k) { return listTest(scope, cols, rs, c, leaf); }

            @Override public Term visitPInt(Typed.PInt i) { return literalTest(scope, cols, rs, c, i, leaf); }

            @Override public Term visitPStr(Typed.PStr s) { return literalTest(scope, cols, rs, c, s, leaf); }

            @Override public Term visitPWild(Typed.PWild w) { return null; }

            @Override public Term visitPVar(Typed.PVar v) { return null; }

            // expandIrrefutable has split tuples into their components and made () a wildcard
            @Override public Term visitPTuple(Typed.PTuple t) { return null; }

            @Override public Term visitPUnit(Typed.PUnit u) { return null; }
        }.visit(rs.get(0).patterns().get(c));
    }

    /** Splits every column holding a tuple or a one-constructor pattern into its components; {@code ()} becomes {@code _}. */
    private void expandIrrefutable(List<Occurrence> cols, List<Row> rows) {
        for (int c = 0; c < cols.size(); ) {
            int arity = -1;
            for (Row r : rows) {
                Typed.Pattern p = r.patterns().get(c);
                if (p instanceof Typed.PTuple t) arity = t.components().size();
                if (p instanceof Typed.PCon k && constructors(k) == 1) arity = k.args().size();
            }
            if (arity < 0) { c++; continue; }
            Occurrence at = cols.remove(c);
            cols.addAll(c, at.components(arity));
            for (int i = 0; i < rows.size(); i++) {
                Row r = rows.get(i);
                Typed.Pattern p = r.patterns().get(c);
                List<Typed.Pattern> parts;
                if (p instanceof Typed.PTuple t) parts = t.components();
                else if (p instanceof Typed.PCon k) parts = k.args();
                else parts = wildcards(arity, p);
                rows.set(i, replace(bindVar(r, p, at), c, parts));
            }
        }
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            List<Typed.Pattern> ps = new ArrayList<>(r.patterns());
            ps.replaceAll(p -> p instanceof Typed.PUnit u ? new Typed.PWild(u.type(), u.pos()) : p);
            rows.set(i, new Row(ps, r.bindings(), r.action()));
        }
    }

    private Term constructorTest(Scope scope, List<Occurrence> cols, List<Row> rows, int c, Typed.PCon head, Leaf leaf) {
        DataType dt = dataTypes.get(head.dataType());
        int n = dt.constructors().size();
        Scope inner = scope.push();
        Occurrence fields = Occurrence.slot(scope.nextSlot());
        List<Term> branches = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            int arity = dt.constructors().get(j).fields().size();
            List<Occurrence> cs = new ArrayList<>(cols);
            cs.remove(c);
            cs.addAll(c, fields.components(arity));
            List<Row> rs = new ArrayList<>();
            for (Row r : rows) {
                Typed.Pattern p = r.patterns().get(c);
                if (p instanceof Typed.PCon k) {
                    if (k.index() == j) rs.add(replace(r, c, k.args()));
                } else {
                    rs.add(replace(bindVar(r, p, cols.get(c)), c, wildcards(arity, p)));
                }
            }
            branches.add(match(inner, cs, rs, leaf));
        }
        // (E, C0 + (C1 + ...)) -> dist -> (E, C0) + (E, C1 + ...) -> dist again on the right ...
        Term cascade = branches.get(n - 1);
        for (int j = n - 2; j >= 0; j--) cascade = Terms.seq(Term.DIST, new Term.Case(branches.get(j), cascade));
        return Terms.seq(Terms.fork(Term.ID, scope.access(cols.get(c))), cascade);
    }

    /**
     * A list column: {@code uncons} it ({@code () + (head, tail)}), push that,
     * {@code dist} and branch: {@code []} on the left, {@code h :: t} on the
     * right with the new slot holding {@code (h, t)}.
     */
    private Term listTest(Scope scope, List<Occurrence> cols, List<Row> rows, int c, Leaf leaf) {
        Scope inner = scope.push();
        Occurrence fields = Occurrence.slot(scope.nextSlot());
        List<Term> branches = new ArrayList<>();
        for (int j = 0; j < 2; j++) {
            int arity = j == 0 ? 0 : 2;
            List<Occurrence> cs = new ArrayList<>(cols);
            cs.remove(c);
            cs.addAll(c, fields.components(arity));
            List<Row> rs = new ArrayList<>();
            for (Row r : rows) {
                Typed.Pattern p = r.patterns().get(c);
                if (p instanceof Typed.PNil) {
                    if (j == 0) rs.add(replace(r, c, List.of()));
                } else if (p instanceof Typed.PCons k) {
                    if (j == 1) rs.add(replace(r, c, List.of(k.head(), k.tail())));
                } else {
                    rs.add(replace(bindVar(r, p, cols.get(c)), c, wildcards(arity, p)));
                }
            }
            branches.add(match(inner, cs, rs, leaf));
        }
        Term uncons = Terms.seq(scope.access(cols.get(c)), new Term.Prim(PrimOp.LIST_UNCONS));
        return Terms.pipeline(Terms.fork(Term.ID, uncons), Term.DIST, new Term.Case(branches.get(0), branches.get(1)));
    }

    private Term literalTest(Scope scope, List<Occurrence> cols, List<Row> rows, int c, Typed.Pattern head, Leaf leaf) {
        Value literal = literal(head);
        List<Row> yes = new ArrayList<>();
        List<Row> no = new ArrayList<>();
        for (Row r : rows) {
            Typed.Pattern p = r.patterns().get(c);
            if (p instanceof Typed.PInt || p instanceof Typed.PStr) {
                if (literal(p).equals(literal)) yes.add(replace(r, c, List.of(new Typed.PWild(p.type(), p.pos()))));
                else no.add(r);
            } else {
                yes.add(r);
                no.add(r);
            }
        }
        Shape shape = literal instanceof Value.Int ? Shape.INT : Shape.STR;
        Term test = Terms.seq(Terms.fork(scope.access(cols.get(c)), Terms.constant(shape, literal)), new Term.Prim(PrimOp.EQ));
        return branch(scope, test, match(scope, cols, yes, leaf), match(scope, cols, no, leaf));
    }

    /** {@code if test then yes else no}, all three running in {@code scope}'s environment. */
    static Term branch(Scope scope, Term test, Term yes, Term no) {
        // Bool = False + True: the left branch is the else branch; fst drops the unit payload
        return Terms.pipeline(Terms.fork(Term.ID, test), Term.DIST,
                new Term.Case(Terms.seq(Term.FST, no), Terms.seq(Term.FST, yes)));
    }

    /** The value a literal pattern matches (the caller has checked that {@code p} is one). */
    private static Value literal(Typed.Pattern p) {
        if (p instanceof Typed.PInt i) return Value.of(i.value());
        if (p instanceof Typed.PStr s) return Value.of(s.value());
        throw new IllegalArgumentException("not a literal pattern: " + p);
    }

    private int constructors(Typed.PCon p) {
        DataType dt = dataTypes.get(p.dataType());
        if (dt == null) throw new IllegalStateException("unknown data type " + p.dataType());
        return dt.constructors().size();
    }

    private static Row bindVar(Row r, Typed.Pattern p, Occurrence at) {
        if (!(p instanceof Typed.PVar v)) return r;
        Map<String, Occurrence> b = new HashMap<>(r.bindings());
        b.put(v.name(), at);
        return new Row(r.patterns(), b, r.action());
    }

    private static List<Typed.Pattern> wildcards(int n, Typed.Pattern like) {
        List<Typed.Pattern> ws = new ArrayList<>();
        for (int i = 0; i < n; i++) ws.add(new Typed.PWild(like.type(), like.pos()));
        return ws;
    }

    private static Row replace(Row r, int c, List<Typed.Pattern> parts) {
        List<Typed.Pattern> ps = new ArrayList<>(r.patterns());
        ps.remove(c);
        ps.addAll(c, parts);
        return new Row(ps, r.bindings(), r.action());
    }
}
