package hotsm.compiler.types;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The local variables in scope (bound by patterns), innermost first; an
 * immutable linked list, so each branch of the checker extends its own copy.
 */
final class Locals {
    /** A local variable: its unique name in the enclosing declaration and its type. */
    record Var(String unique, Type type) {}

    static final Locals EMPTY = new Locals(null, null, null);

    private final String name;
    private final Var var;
    private final Locals next;

    private Locals(String name, Var var, Locals next) {
        this.name = name;
        this.var = var;
        this.next = next;
    }

    Locals bind(String name, Var var) { return new Locals(name, var, this); }

    Locals bindAll(Map<String, Var> vars) {
        Locals env = this;
        for (Map.Entry<String, Var> e : vars.entrySet()) env = env.bind(e.getKey(), e.getValue());
        return env;
    }

    Var lookup(String name) {
        for (Locals l = this; l.name != null; l = l.next) if (l.name.equals(name)) return l.var;
        return null;
    }

    Set<String> names() {
        Set<String> out = new LinkedHashSet<>();
        for (Locals l = this; l.name != null; l = l.next) out.add(l.name);
        return out;
    }
}
