package hotsm.compiler.desugar;

import hotsm.compiler.ir.Term;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The environment a term runs in, at compile time: the run-time environment is
 * a list of slots {@code s0 .. sn-1} laid out as left-nested pairs
 * {@code ((s0, s1), s2)} (a lone slot is itself), so that {@code Fork Id t}
 * pushes a slot and {@code Dist} can split a sum pushed last. A variable is an
 * {@link Occurrence}: a slot and a path of projections inside it. Scopes are
 * immutable; pushing never moves an existing slot, so occurrences stay valid
 * in every extension of the scope they were made in.
 */
final class Scope {
    private final int size;
    private final Map<String, Occurrence> variables;
    private final Map<String, FunctionValue> functions;

    private Scope(int size, Map<String, Occurrence> variables, Map<String, FunctionValue> functions) {
        this.size = size;
        this.variables = variables;
        this.functions = functions;
    }

    /** One slot, the term's input, binding no variables yet. */
    static Scope root() { return new Scope(1, Map.of(), Map.of()); }

    /** The slot a {@link #push()} adds. */
    int nextSlot() { return size; }

    /** This scope with one more slot (the value of a {@code Fork Id t}). */
    Scope push() { return new Scope(size + 1, variables, functions); }

    Scope bind(String name, Occurrence occurrence) {
        Map<String, Occurrence> vs = new HashMap<>(variables);
        vs.put(name, occurrence);
        return new Scope(size, vs, functions);
    }

    Scope bindAll(Map<String, Occurrence> more) {
        if (more.isEmpty()) return this;
        Map<String, Occurrence> vs = new HashMap<>(variables);
        vs.putAll(more);
        return new Scope(size, vs, functions);
    }

    /**
     * The same environment seen from another declaration: the names
     * {@code variables} and {@code functions} (a callee specialised at its
     * call, or a lambda's body seeing what it captured); the slots stay.
     */
    Scope seeing(Map<String, Occurrence> variables, Map<String, FunctionValue> functions) {
        return new Scope(size, variables, functions);
    }

    Map<String, Occurrence> variables() { return variables; }

    Map<String, FunctionValue> functions() { return functions; }

    /** The function a function-typed parameter stands for here. */
    FunctionValue function(String name) {
        FunctionValue f = functions.get(name);
        if (f == null) throw new IllegalStateException("the desugarer lost function parameter '" + name + "'");
        return f;
    }

    Occurrence lookup(String name) {
        Occurrence o = variables.get(name);
        if (o == null) throw new IllegalStateException("the desugarer lost variable '" + name + "'");
        return o;
    }

    /** The projection from this environment to {@code o}. */
    Term access(Occurrence o) {
        List<Term> steps = new ArrayList<>();
        for (int i = 0; i < size - 1 - o.slot(); i++) steps.add(Term.FST);
        if (o.slot() > 0) steps.add(Term.SND);
        for (boolean second : o.path()) steps.add(second ? Term.SND : Term.FST);
        return Terms.pipeline(steps);
    }

    /** A position in the environment: slot {@code slot}, then {@code path} ({@code false} = fst, {@code true} = snd). */
    record Occurrence(int slot, List<Boolean> path) {
        Occurrence { path = List.copyOf(path); }

        static Occurrence slot(int slot) { return new Occurrence(slot, List.of()); }

        Occurrence then(boolean second) {
            List<Boolean> p = new ArrayList<>(path);
            p.add(second);
            return new Occurrence(slot, p);
        }

        /**
         * The occurrences of the {@code n} components of right-nested pairs
         * here: {@code fst}, {@code snd >>> fst}, ..., {@code snd^(n-1)};
         * one component is this occurrence itself, none is no occurrence.
         */
        List<Occurrence> components(int n) {
            List<Occurrence> out = new ArrayList<>();
            Occurrence rest = this;
            for (int i = 0; i < n - 1; i++) {
                out.add(rest.then(false));
                rest = rest.then(true);
            }
            if (n > 0) out.add(rest);
            return out;
        }
    }
}
