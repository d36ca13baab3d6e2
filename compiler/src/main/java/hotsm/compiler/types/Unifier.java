package hotsm.compiler.types;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The substitution of one checking run: fresh and rigid type variables,
 * unification with the occurs check, and resolution of a type through the
 * bindings found so far. Rigid variables come from signatures and only unify
 * with themselves or with flexible variables.
 *
 * <p>{@link #ERROR} is the type of an expression that already has an error: it
 * unifies with anything so one mistake is reported once. In lenient mode (the
 * clauses of an upgrade) two data types with the same bare name and the same
 * constructors unify although different modules declared them (LANGUAGE.md §4,
 * "same type across versions").
 */
final class Unifier {
    /** The type of an erroneous expression; never reaches a checked program without a diagnostic. */
    static final Type ERROR = new Type.Con("?", List.of());

    /** The binding of each variable by id (ids count up from 0, {@link #fresh}): an array, no boxing or hashing. */
    private Type[] bindings = new Type[1024];
    /** Bindings of negative ids (none are made by this class; kept so that any id binds as before). */
    private final Map<Integer, Type> otherBindings = new HashMap<>();
    private final java.util.BitSet rigid = new java.util.BitSet();
    private final Map<String, DataType> dataTypes;
    private int nextId;
    private boolean lenient;

    Unifier(Map<String, DataType> dataTypes) { this.dataTypes = dataTypes; }

    Type.Var fresh(String hint) { return new Type.Var(nextId++, hint); }

    Type.Var rigid(String hint) {
        Type.Var v = fresh(hint);
        rigid.set(v.id());
        return v;
    }

    boolean isRigid(Type.Var v) { return v.id() >= 0 && rigid.get(v.id()); }

    void setLenient(boolean lenient) { this.lenient = lenient; }

    /** Follows bindings at the top only. */
    Type resolve(Type t) {
        while (t instanceof Type.Var v) {
            int id = v.id();
            Type bound = id >= 0 ? (id < bindings.length ? bindings[id] : null) : otherBindings.get(id);
            if (bound == null) return t;
            t = bound;
        }
        return t;
    }

    /** Applies every binding, deeply. */
    Type zonk(Type t) {
        Type r = resolve(t);
        if (r instanceof Type.Con c) {
            return c.args().isEmpty() ? c : new Type.Con(c.name(), map(c.args(), this::zonk));
        }
        if (r instanceof Type.Tuple tu) return new Type.Tuple(map(tu.components(), this::zonk));
        if (r instanceof Type.Fun f) return new Type.Fun(zonk(f.from()), zonk(f.to()));
        return r;
    }

    void bind(Type.Var v, Type t) { put(v.id(), t); }

    private void put(int id, Type t) {
        if (id < 0) {
            otherBindings.put(id, t);
            return;
        }
        if (id >= bindings.length) bindings = java.util.Arrays.copyOf(bindings, Math.max(id + 1, 2 * bindings.length));
        bindings[id] = t;
    }

    /** Makes {@code a} and {@code b} equal, or returns false (some bindings may remain). */
    boolean unify(Type a, Type b) {
        a = resolve(a);
        b = resolve(b);
        if (a == ERROR || b == ERROR || a.equals(ERROR) || b.equals(ERROR)) return true;
        if (a instanceof Type.Var va && b instanceof Type.Var vb && va.id() == vb.id()) return true;
        if (a instanceof Type.Var va && !isRigid(va)) return bindVar(va, b);
        if (b instanceof Type.Var vb && !isRigid(vb)) return bindVar(vb, a);
        if (a instanceof Type.Con ca && b instanceof Type.Con cb) {
            if (!ca.name().equals(cb.name()) && !(lenient && equivalentData(ca.name(), cb.name()))) return false;
            return unifyAll(ca.args(), cb.args());
        }
        if (a instanceof Type.Unit && b instanceof Type.Unit) return true;
        if (a instanceof Type.Tuple ta && b instanceof Type.Tuple tb) {
            int n = Math.min(ta.components().size(), tb.components().size());
            return unifyAll(nest(ta.components(), n), nest(tb.components(), n));
        }
        if (a instanceof Type.Fun fa && b instanceof Type.Fun fb) return unify(fa.from(), fb.from()) && unify(fa.to(), fb.to());
        return false;
    }

    /** {@code (A, B, C)} is {@code (A, (B, C))} (LANGUAGE.md §4): the components, the last {@code n - 1} nested. */
    static List<Type> nest(List<Type> components, int n) {
        if (components.size() == n) return components;
        List<Type> out = new ArrayList<>(components.subList(0, n - 1));
        out.add(new Type.Tuple(components.subList(n - 1, components.size())));
        return out;
    }

    private boolean unifyAll(List<Type> as, List<Type> bs) {
        if (as.size() != bs.size()) return false;
        boolean ok = true;
        for (int i = 0; i < as.size(); i++) ok &= unify(as.get(i), bs.get(i));
        return ok;
    }

    private boolean bindVar(Type.Var v, Type t) {
        if (occurs(v.id(), t)) return false;
        put(v.id(), t);
        return true;
    }

    boolean occurs(int id, Type t) {
        Type r = resolve(t);
        if (r instanceof Type.Var v) return v.id() == id;
        if (r instanceof Type.Con c) return occursIn(id, c.args());
        if (r instanceof Type.Tuple tu) return occursIn(id, tu.components());
        if (r instanceof Type.Fun f) return occurs(id, f.from()) || occurs(id, f.to());
        return false;
    }

    private boolean occursIn(int id, List<Type> ts) {
        for (int i = 0; i < ts.size(); i++) if (occurs(id, ts.get(i))) return true;   // no iterator per type
        return false;
    }

    /** Same bare name, same constructor and field names and fields of the same shape (LANGUAGE.md §4, §14). */
    boolean equivalentData(String q1, String q2) {
        DataType d1 = dataTypes.get(q1);
        DataType d2 = dataTypes.get(q2);
        if (d1 == null || d2 == null) return false;
        if (!d1.name().equals(d2.name()) || d1.params().size() != d2.params().size()
                || d1.constructors().size() != d2.constructors().size()) {
            return false;
        }
        Map<Integer, Integer> params = new HashMap<>();
        for (int i = 0; i < d1.params().size(); i++) params.put(d1.params().get(i).id(), d2.params().get(i).id());
        for (int i = 0; i < d1.constructors().size(); i++) {
            DataType.Constructor c1 = d1.constructors().get(i);
            DataType.Constructor c2 = d2.constructors().get(i);
            if (!c1.name().equals(c2.name()) || c1.fields().size() != c2.fields().size()
                    || !c1.fieldNames().equals(c2.fieldNames())) {
                return false;
            }
            for (int j = 0; j < c1.fields().size(); j++) {
                if (!sameShape(c1.fields().get(j), c2.fields().get(j), params)) return false;
            }
        }
        return true;
    }

    private boolean sameShape(Type a, Type b, Map<Integer, Integer> params) {
        if (a instanceof Type.Var va && b instanceof Type.Var vb) return params.getOrDefault(va.id(), -1) == vb.id();
        if (a instanceof Type.Con ca && b instanceof Type.Con cb) {
            if (!ca.name().equals(cb.name()) && !equivalentData(ca.name(), cb.name())) return false;
            if (ca.args().size() != cb.args().size()) return false;
            for (int i = 0; i < ca.args().size(); i++) if (!sameShape(ca.args().get(i), cb.args().get(i), params)) return false;
            return true;
        }
        if (a instanceof Type.Unit && b instanceof Type.Unit) return true;
        if (a instanceof Type.Tuple ta && b instanceof Type.Tuple tb) {
            int n = Math.min(ta.components().size(), tb.components().size());
            List<Type> as = nest(ta.components(), n);
            List<Type> bs = nest(tb.components(), n);
            for (int i = 0; i < n; i++) if (!sameShape(as.get(i), bs.get(i), params)) return false;
            return true;
        }
        return false;
    }

    /** The free type variables of {@code t} after zonking, in order of first appearance. */
    List<Type.Var> freeVars(Type t) {
        List<Type.Var> out = new ArrayList<>();
        collect(zonk(t), out);
        return out;
    }

    private static void collect(Type t, List<Type.Var> out) {
        if (t instanceof Type.Var v) {
            if (out.stream().noneMatch(x -> x.id() == v.id())) out.add(v);
        } else if (t instanceof Type.Con c) {
            c.args().forEach(x -> collect(x, out));
        } else if (t instanceof Type.Tuple tu) {
            tu.components().forEach(x -> collect(x, out));
        } else if (t instanceof Type.Fun f) {
            collect(f.from(), out);
            collect(f.to(), out);
        }
    }

    /**
     * Replaces variables by {@code map} (by id), deeply; other variables stay.
     * Shared parts are substituted once and stay shared (an alias that doubles
     * its argument would otherwise be copied into a tree exponentially large).
     */
    static Type substitute(Type t, Map<Integer, Type> map) {
        return map.isEmpty() ? t : substitute(t, map, new java.util.IdentityHashMap<>());
    }

    private static Type substitute(Type t, Map<Integer, Type> map, Map<Type, Type> done) {
        Type known = done.get(t);
        if (known != null) return known;
        Type r;
        if (t instanceof Type.Var v) r = map.getOrDefault(v.id(), v);
        else if (t instanceof Type.Con c) r = c.args().isEmpty() ? c : new Type.Con(c.name(), map(c.args(), x -> substitute(x, map, done)));
        else if (t instanceof Type.Tuple tu) r = new Type.Tuple(map(tu.components(), x -> substitute(x, map, done)));
        else if (t instanceof Type.Fun f) r = new Type.Fun(substitute(f.from(), map, done), substitute(f.to(), map, done));
        else r = t;
        done.put(t, r);
        return r;
    }

    static <T> List<T> map(List<T> xs, UnaryOperator<T> f) {
        List<T> out = new ArrayList<>(xs.size());
        for (int i = 0; i < xs.size(); i++) out.add(f.apply(xs.get(i)));   // no iterator per type
        return out;
    }
}
