package hotsm.compiler.types;

import hotsm.compiler.resolve.Entity;
import hotsm.compiler.resolve.ModuleScope;
import hotsm.compiler.resolve.Namespace;
import hotsm.compiler.syntax.TypeExpr;
import hotsm.compiler.syntax.TypeExprVisitor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a type as written ({@link TypeExpr}) into a {@link Type}: resolves
 * names in the module's scope, checks the number of type arguments, expands
 * aliases. What a type variable may be depends on the {@link Mode}.
 */
final class TypeResolver {
    enum Mode {
        /** In a signature: each name is a rigid variable, the same one for every occurrence. */
        SIGNATURE,
        /** In a data or alias declaration: only its parameters. */
        DECLARATION,
        /** A machine's types: no variables at all. */
        CLOSED
    }

    private final ProgramEnv env;
    private final ModuleScope scope;
    private final Mode mode;
    private final Map<String, Type.Var> vars;
    private final AliasExpander aliases;

    /** Expands an alias entity to its scheme (parameters and body), checking alias cycles. */
    interface AliasExpander {
        Scheme expand(Entity.Alias alias, hotsm.compiler.syntax.Position use);
    }

    TypeResolver(ProgramEnv env, ModuleScope scope, Mode mode, Map<String, Type.Var> vars, AliasExpander aliases) {
        this.env = env;
        this.scope = scope;
        this.mode = mode;
        this.vars = vars == null ? new HashMap<>() : vars;
        this.aliases = aliases;
    }

    Map<String, Type.Var> vars() { return vars; }

    Type resolve(TypeExpr t) { return resolver.visit(t); }

    private final TypeExprVisitor<Type> resolver = new TypeExprVisitor<>() {
        @Override public Type visitUnit(TypeExpr.Unit u) { return Type.UNIT; }

        @Override public Type visitTuple(TypeExpr.Tuple tu) {
            List<Type> cs = new ArrayList<>();
            for (TypeExpr c : tu.components()) cs.add(resolve(c));
            return new Type.Tuple(cs);
        }

        @Override public Type visitFun(TypeExpr.Fun f) { return new Type.Fun(resolve(f.from()), resolve(f.to())); }

        @Override public Type visitVar(TypeExpr.Var v) { return variable(v); }

        @Override public Type visitCon(TypeExpr.Con c) { return constructor(c); }
    };

    private Type variable(TypeExpr.Var v) {
        Type.Var known = vars.get(v.name());
        if (known != null) return known;
        switch (mode) {
            case SIGNATURE -> {
                Type.Var fresh = env.unifier.rigid(v.name());
                vars.put(v.name(), fresh);
                return fresh;
            }
            case DECLARATION -> env.error(v.pos(), v.name().length(),
                    "unknown type variable '" + v.name() + "': declare it as a parameter of the type");
            case CLOSED -> env.error(v.pos(), v.name().length(),
                    "a machine's types must be closed, but '" + v.name() + "' is a type variable");
        }
        return Unifier.ERROR;
    }

    private Type constructor(TypeExpr.Con c) {
        List<Type> args = new ArrayList<>();
        for (TypeExpr a : c.args()) args.add(resolve(a));
        String written = c.name().toString();
        if (c.name().qualifier().isEmpty() && (written.equals("Int") || written.equals("String"))) {
            return arity(c, written, 0, args.size()) ? new Type.Con(written, List.of()) : Unifier.ERROR;
        }
        if (c.name().qualifier().isEmpty() && (written.equals(Type.LIST) || written.equals(Type.MAP))) {
            return arity(c, written, written.equals(Type.LIST) ? 1 : 2, args.size()) ? new Type.Con(written, args) : Unifier.ERROR;
        }
        ModuleScope.Lookup found = scope.lookup(Namespace.TYPE, c.name());
        if (found instanceof ModuleScope.Found f && f.entity() instanceof Entity.DataName d) {
            return arity(c, written, d.arity(), args.size()) ? new Type.Con(d.qualifiedName(), args) : Unifier.ERROR;
        }
        if (!(found instanceof ModuleScope.Found f && f.entity() instanceof Entity.Alias alias)) {
            env.error(c.name().pos(), written.length(), found.message());
            return Unifier.ERROR;
        }
        Scheme s = aliases.expand(alias, c.pos());
        if (!arity(c, written, s.params().size(), args.size())) return Unifier.ERROR;
        Map<Integer, Type> map = new HashMap<>();
        for (int i = 0; i < args.size(); i++) map.put(s.params().get(i).id(), args.get(i));
        return Unifier.substitute(s.type(), map);
    }

    private boolean arity(TypeExpr.Con c, String written, int expected, int given) {
        if (expected == given) return true;
        env.error(c.pos(), written.length(), "the type '" + written + "' takes " + plural(expected, "argument")
                + ", but here it has " + given);
        return false;
    }

    static String plural(int n, String noun) { return n + " " + noun + (n == 1 ? "" : "s"); }

    /** The one message for a function type where only values may be (LANGUAGE.md §13). */
    static final String FUNCTIONS_ARE_NOT_VALUES = "functions can only be passed as arguments";

    /**
     * Where a function type may be in a function's type: its parameter may be
     * a first-order function or a tuple with first-order functions among its
     * components; nothing else may mention one. Empty when {@code t} is fine.
     */
    static boolean functionTypeAllowed(Type t) {
        if (!(t instanceof Type.Fun f)) return !mentionsFunction(t);
        if (mentionsFunction(f.to())) return false;
        Type from = f.from();
        if (from instanceof Type.Tuple tu) {
            for (Type c : tu.components()) if (!valueOrFirstOrder(c)) return false;
            return true;
        }
        return valueOrFirstOrder(from);
    }

    private static boolean valueOrFirstOrder(Type t) {
        if (t instanceof Type.Fun f) return !mentionsFunction(f.from()) && !mentionsFunction(f.to());
        return !mentionsFunction(t);
    }

    /** Whether a resolved type mentions a function type (not allowed in data or machine types). */
    static boolean mentionsFunction(Type t) {
        if (t instanceof Type.Fun) return true;
        if (t instanceof Type.Con c) return anyMentionsFunction(c.args());
        if (t instanceof Type.Tuple tu) return anyMentionsFunction(tu.components());
        return false;
    }

    private static boolean anyMentionsFunction(List<Type> ts) {
        for (int i = 0; i < ts.size(); i++) if (mentionsFunction(ts.get(i))) return true;   // no iterator per type
        return false;
    }
}
