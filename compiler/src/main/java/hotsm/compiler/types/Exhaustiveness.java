package hotsm.compiler.types;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Exhaustiveness and redundancy of pattern matching over nested patterns,
 * after Maranget, "Warnings for pattern matching" (JFP 2007): a matrix of
 * pattern rows, specialised by constructor column by column. Integer and
 * string literals come from infinite sets, so only a wildcard completes them.
 */
final class Exhaustiveness {
    /** A pattern reduced to what matching needs: a wildcard or a constructor with arguments. */
    private sealed interface P {}

    private record Any() implements P {}

    /**
     * A constructor: {@code key} identifies it within its type, {@code label}
     * prints it, {@code dataType} is set for data constructors, {@code tuple}
     * for tuples.
     */
    private record K(String key, String label, String dataType, boolean tuple, List<P> args) implements P {}

    private static final P ANY = new Any();

    private static final DataType LIST = DataType.listType();

    /** The checker's data types, read by name, not copied (copying the map for every pattern checked made checking quadratic). */
    private final Map<String, DataType> dataTypes;

    Exhaustiveness(Map<String, DataType> dataTypes) {
        this.dataTypes = dataTypes;
    }

    /** The data type named {@code name}; the list type too ({@code []} and {@code _ :: _} cover a list). */
    private DataType dataType(String name) {
        return Type.LIST.equals(name) ? LIST : dataTypes.get(name);
    }

    /** Whether any pattern or sub-pattern has the error type (then the checks would only cascade). */
    static boolean hasError(Typed.Pattern p) {
        if (p.type().equals(Unifier.ERROR)) return true;
        if (p instanceof Typed.PTuple t) return anyError(t.components());
        if (p instanceof Typed.PCon c) return anyError(c.args());
        if (p instanceof Typed.PCons c) return hasError(c.head()) || hasError(c.tail());
        return false;
    }

    private static boolean anyError(List<Typed.Pattern> ps) {
        for (int i = 0; i < ps.size(); i++) if (hasError(ps.get(i))) return true;
        return false;
    }

    /** Whether {@code p} matches every value of its type by its shape alone: a variable, {@code _}, or a tuple of such. */
    private static boolean catchesAll(Typed.Pattern p) {
        if (p instanceof Typed.PVar || p instanceof Typed.PWild) return true;
        if (!(p instanceof Typed.PTuple t)) return false;
        for (int i = 0; i < t.components().size(); i++) if (!catchesAll(t.components().get(i))) return false;
        return true;
    }

    /** A value no row matches, printed as a pattern; empty if the rows are exhaustive. */
    Optional<String> missing(List<Typed.Pattern> rows) {
        // A row that catches all is exhaustive without the matrix (most patterns checked are a parameter's or a '<-''s).
        for (int i = 0; i < rows.size(); i++) if (catchesAll(rows.get(i))) return Optional.empty();
        if (anyError(rows)) return Optional.empty();
        List<List<P>> matrix = new ArrayList<>();
        for (Typed.Pattern r : rows) matrix.add(List.of(reduce(r)));
        List<P> witness = missing(matrix, 1);
        return witness == null ? Optional.empty() : Optional.of(show(witness.get(0), false));
    }

    /** Up to {@code limit} values no row matches, each unlike the ones before, printed as patterns. */
    List<String> missingAll(List<Typed.Pattern> rows, int limit) {
        List<String> out = new ArrayList<>();
        if (anyError(rows)) return out;
        List<List<P>> matrix = new ArrayList<>();
        for (Typed.Pattern r : rows) matrix.add(List.of(reduce(r)));
        while (out.size() < limit) {
            List<P> witness = missing(matrix, 1);
            if (witness == null) break;
            out.add(show(witness.get(0), false));
            matrix.add(List.of(witness.get(0)));
        }
        return out;
    }

    /** Whether {@code row} matches some value that none of {@code before} matches. */
    boolean useful(List<Typed.Pattern> before, Typed.Pattern row) {
        if (hasError(row) || anyError(before)) return true;
        List<List<P>> matrix = new ArrayList<>();
        for (Typed.Pattern r : before) matrix.add(List.of(reduce(r)));
        return useful(matrix, List.of(reduce(row)));
    }

    private P reduce(Typed.Pattern p) { return reducer.visit(p); }

    /** A pattern as a constructor head and its sub-patterns, or {@link #ANY}. */
    private final TypedPatternVisitor<P> reducer = new TypedPatternVisitor<>() {
        @Override public P visitPWild(Typed.PWild w) { return ANY; }

        @Override public P visitPVar(Typed.PVar v) { return ANY; }

        @Override public P visitPInt(Typed.PInt i) { return new K("i" + i.value(), Long.toString(i.value()), null, false, List.of()); }

        @Override public P visitPStr(Typed.PStr s) { return new K("s" + s.value(), quote(s.value()), null, false, List.of()); }

        @Override public P visitPUnit(Typed.PUnit u) { return new K("()", "()", null, false, List.of()); }

        @Override public P visitPTuple(Typed.PTuple t) {
            List<P> cs = new ArrayList<>();
            for (Typed.Pattern c : t.components()) cs.add(reduce(c));
            return new K("(" + cs.size() + ")", "", null, true, cs);
        }

        @Override public P visitPNil(Typed.PNil n) { return new K("#0", "[]", Type.LIST, false, List.of()); }

        @Override public P visitPCons(Typed.PCons c) {
            return new K("#1", "::", Type.LIST, false, List.of(reduce(c.head()), reduce(c.tail())));
        }

        @Override public P visitPCon(Typed.PCon c) {
            List<P> args = new ArrayList<>();
            for (Typed.Pattern a : c.args()) args.add(reduce(a));
            String label = dataType(c.dataType()).constructors().get(c.index()).name();
            return new K("#" + c.index(), label, c.dataType(), false, args);
        }
    };

    private boolean useful(List<List<P>> matrix, List<P> row) {
        if (row.isEmpty()) return matrix.isEmpty();
        P head = row.get(0);
        if (head instanceof K k) return useful(specialize(matrix, k), specializeRow(row, k));
        Map<String, K> heads = heads(matrix);
        if (complete(heads)) {
            for (K k : heads.values()) {
                if (useful(specialize(matrix, k), specializeRow(row, k))) return true;
            }
            return false;
        }
        return useful(defaults(matrix), row.subList(1, row.size()));
    }

    /** A witness vector of {@code width} patterns no row matches, or null. */
    private List<P> missing(List<List<P>> matrix, int width) {
        if (width == 0) return matrix.isEmpty() ? new ArrayList<>() : null;
        Map<String, K> heads = heads(matrix);
        if (complete(heads)) {
            for (K k : allConstructors(heads)) {
                List<P> w = missing(specialize(matrix, k), k.args().size() + width - 1);
                if (w != null) return rebuild(k, w);
            }
            return null;
        }
        List<P> w = missing(defaults(matrix), width - 1);
        if (w == null) return null;
        List<P> out = new ArrayList<>();
        out.add(missingConstructor(heads));
        out.addAll(w);
        return out;
    }

    private List<P> rebuild(K k, List<P> w) {
        int n = k.args().size();
        List<P> out = new ArrayList<>();
        out.add(new K(k.key(), k.label(), k.dataType(), k.tuple(), new ArrayList<>(w.subList(0, n))));
        out.addAll(w.subList(n, w.size()));
        return out;
    }

    private Map<String, K> heads(List<List<P>> matrix) {
        Map<String, K> heads = new LinkedHashMap<>();
        for (List<P> r : matrix) if (r.get(0) instanceof K k) heads.putIfAbsent(k.key(), k);
        return heads;
    }

    /** Whether the head constructors cover their whole type (tuples and () have one constructor). */
    private boolean complete(Map<String, K> heads) {
        if (heads.isEmpty()) return false;
        K any = heads.values().iterator().next();
        if (any.tuple() || any.key().equals("()")) return true;
        if (any.dataType() == null) return false;
        if (heads.values().stream().anyMatch(k -> !any.dataType().equals(k.dataType()))) return false;
        return heads.size() == dataType(any.dataType()).constructors().size();
    }

    /** The head constructors in declaration order (for the data type's witness). */
    private List<K> allConstructors(Map<String, K> heads) {
        K any = heads.values().iterator().next();
        if (any.dataType() == null) return new ArrayList<>(heads.values());
        List<K> out = new ArrayList<>();
        int n = dataType(any.dataType()).constructors().size();
        for (int i = 0; i < n; i++) if (heads.containsKey("#" + i)) out.add(heads.get("#" + i));
        return out;
    }

    private P missingConstructor(Map<String, K> heads) {
        if (heads.isEmpty()) return ANY;
        K any = heads.values().iterator().next();
        if (any.dataType() == null) return ANY;
        DataType d = dataType(any.dataType());
        for (int i = 0; i < d.constructors().size(); i++) {
            if (!heads.containsKey("#" + i)) {
                DataType.Constructor c = d.constructors().get(i);
                List<P> args = new ArrayList<>();
                for (int j = 0; j < c.fields().size(); j++) args.add(ANY);
                return new K("#" + i, c.name(), d.qualifiedName(), false, args);
            }
        }
        return ANY;
    }

    private List<List<P>> specialize(List<List<P>> matrix, K k) {
        List<List<P>> out = new ArrayList<>();
        for (List<P> r : matrix) {
            P head = r.get(0);
            // A constructor of another data type (a pattern already reported as a type error) is another head,
            // whatever its index: specialising by it would read arguments it does not have.
            if (head instanceof K hk && (!hk.key().equals(k.key())
                    || !java.util.Objects.equals(hk.dataType(), k.dataType()))) continue;
            out.add(specializeRow(r, k));
        }
        return out;
    }

    private List<P> specializeRow(List<P> row, K k) {
        List<P> out = new ArrayList<>();
        if (row.get(0) instanceof K hk) {
            out.addAll(hk.args());
        } else {
            for (int i = 0; i < k.args().size(); i++) out.add(ANY);
        }
        out.addAll(row.subList(1, row.size()));
        return out;
    }

    private List<List<P>> defaults(List<List<P>> matrix) {
        List<List<P>> out = new ArrayList<>();
        for (List<P> r : matrix) if (r.get(0) instanceof Any) out.add(r.subList(1, r.size()));
        return out;
    }

    /** A typed pattern as the user would write it (variables print as '_'). */
    String show(Typed.Pattern p) { return show(reduce(p), false); }

    private static String show(P p, boolean nested) {
        if (p instanceof Any) return "_";
        K k = (K) p;
        if (k.tuple()) {
            List<String> cs = new ArrayList<>();
            for (P a : k.args()) cs.add(show(a, false));
            return "(" + String.join(", ", cs) + ")";
        }
        if (k.args().isEmpty()) return k.label();
        if (k.label().equals("::") && Type.LIST.equals(k.dataType())) {
            String list = show(k.args().get(0), true) + " :: " + show(k.args().get(1), false);
            return nested ? "(" + list + ")" : list;
        }
        StringBuilder out = new StringBuilder(k.label());
        for (P a : k.args()) out.append(' ').append(show(a, true));
        return nested ? "(" + out + ")" : out.toString();
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\t", "\\t") + "\"";
    }
}
