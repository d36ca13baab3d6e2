package hotsm.compiler.types;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A type generalised over {@code params} (let-polymorphism for top-level functions). */
record Scheme(List<Type.Var> params, Type type) {
    Scheme {
        params = List.copyOf(params);
    }

    static Scheme mono(Type type) { return new Scheme(List.of(), type); }

    /** A use: fresh variables for the parameters, in their order. */
    record Instance(List<Type> typeArgs, Type type) {}

    Instance instantiate(Unifier unifier) {
        List<Type> args = new ArrayList<>();
        Map<Integer, Type> map = new HashMap<>();
        for (Type.Var p : params) {
            Type.Var v = unifier.fresh(p.hint());
            args.add(v);
            map.put(p.id(), v);
        }
        return new Instance(args, Unifier.substitute(type, map));
    }
}
