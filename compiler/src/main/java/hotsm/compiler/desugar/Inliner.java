package hotsm.compiler.desugar;

import hotsm.compiler.ir.Term;
import hotsm.compiler.types.Type;
import hotsm.compiler.types.Typed;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The terms of named functions, constants and local arrows, one per
 * instantiation: the IR has no calls, so a use is replaced by the body
 * specialised to the use's type arguments (monomorphisation). The checker
 * rejects recursion, so inlining terminates; a cycle here is an internal error.
 */
final class Inliner {
    private final Map<String, Typed.Function> functions;
    private final Map<String, Term> cache = new HashMap<>();
    private final Set<String> inProgress = new HashSet<>();

    /** @param functions top-level functions and every machine's local functions and arrows, by qualified name */
    Inliner(Map<String, Typed.Function> functions) { this.functions = functions; }

    /** The term {@code A -> B} of function or arrow {@code name} at {@code typeArgs} (read in {@code caller}'s scope). */
    Term function(String name, List<Type> typeArgs, Erasure caller) {
        return instance(name, typeArgs, caller, false);
    }

    /** The term {@code () -> T} of constant {@code name}. */
    Term constant(String name, List<Type> typeArgs, Erasure caller) {
        return instance(name, typeArgs, caller, true);
    }

    private Term instance(String name, List<Type> typeArgs, Erasure caller, boolean constant) {
        Typed.Function f = functions.get(name);
        if (f == null) throw new IllegalStateException("unknown function " + name);
        Erasure inner = caller.instantiate(f.typeParams(), typeArgs);
        String key = name + caller.resolveAll(typeArgs);
        Term cached = cache.get(key);
        if (cached != null) return cached;
        if (!inProgress.add(key)) throw new IllegalStateException("recursive definition reached the desugarer: " + name);
        Lowering lowering = new Lowering(this, inner);
        Term t;
        if (f.proc() != null) t = lowering.proc(f.proc());
        else if (f.parameter() != null) t = lowering.function(f.parameter(), f.body());
        else if (constant) t = lowering.closed(f.body());
        else throw new IllegalStateException("constant " + name + " used as a function");
        inProgress.remove(key);
        cache.put(key, t);
        return t;
    }
}
