package hotsm.compiler.desugar;

import hotsm.compiler.ir.Term;
import hotsm.compiler.types.Type;
import hotsm.compiler.types.TypePrinter;
import hotsm.compiler.types.Typed;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The terms of named functions, constants and local arrows, one per
 * instantiation (monomorphisation: the body specialised to the use's type
 * arguments). A name used in more than one place of the program becomes one
 * shared {@link Term.Definition} per instantiation, and each use a
 * {@link Term.Call} of it, so the IR grows linearly with the source
 * (LANGUAGE.md §13); a name used once is inlined. The checker rejects
 * recursion, so definitions form an acyclic graph; a cycle here is an
 * internal error. Functions that take functions are not here: each call of
 * one is specialised where it is ({@link Lowering}).
 */
final class Inliner {
    private final Map<String, Typed.Function> functions;
    private final Set<String> shared;
    private final Map<String, Term> cache = new HashMap<>();
    private final Set<String> inProgress = new HashSet<>();

    /**
     * @param functions top-level functions and every machine's local functions and arrows, by qualified name
     * @param uses      how many places use each name ({@link UseCounter})
     */
    Inliner(Map<String, Typed.Function> functions, Map<String, Integer> uses) {
        this.functions = functions;
        this.shared = new HashSet<>();
        uses.forEach((name, n) -> { if (n > 1) shared.add(name); });
    }

    /** The checked definition of {@code name}. */
    Typed.Function definition(String name) {
        Typed.Function f = functions.get(name);
        if (f == null) throw new IllegalStateException("unknown function " + name);
        return f;
    }

    /** The term {@code A -> B} of function or arrow {@code name} at {@code typeArgs} (read in {@code caller}'s scope). */
    Term function(String name, List<Type> typeArgs, Erasure caller) {
        return instance(name, typeArgs, caller, false);
    }

    /** The term {@code () -> T} of constant {@code name}. */
    Term constant(String name, List<Type> typeArgs, Erasure caller) {
        return instance(name, typeArgs, caller, true);
    }

    private Term instance(String name, List<Type> typeArgs, Erasure caller, boolean constant) {
        Typed.Function f = definition(name);
        Erasure inner = caller.instantiate(f.typeParams(), typeArgs);
        List<Type> resolved = caller.resolveAll(typeArgs);
        String key = name + resolved;
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
        if (shared.contains(name)) {
            Type type = f.type();
            Type.Fun fun = !constant && type instanceof Type.Fun ft ? ft : null;
            t = new Term.Call(new Term.Definition(display(name, resolved),
                    fun != null ? inner.erase(fun.from()) : hotsm.vm.types.Shape.UNIT,
                    inner.erase(fun != null ? fun.to() : type), t));
        }
        cache.put(key, t);
        return t;
    }

    /** {@code Prelude.fst[Int, String]}: the name and the type arguments of one instantiation. */
    private static String display(String name, List<Type> typeArgs) {
        if (typeArgs.isEmpty()) return name;
        List<String> ts = new ArrayList<>();
        TypePrinter p = new TypePrinter();
        for (Type t : typeArgs) ts.add(p.show(t));
        return name + "[" + String.join(", ", ts) + "]";
    }
}
