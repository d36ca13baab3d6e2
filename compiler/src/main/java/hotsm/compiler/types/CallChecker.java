package hotsm.compiler.types;

import hotsm.compiler.resolve.Binder;
import hotsm.compiler.resolve.Entity;
import hotsm.compiler.resolve.ModuleScope;
import hotsm.compiler.resolve.Namespace;
import hotsm.compiler.resolve.Suggestions;
import hotsm.compiler.syntax.Expr;
import hotsm.compiler.syntax.Position;
import hotsm.compiler.syntax.QualName;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The names of pure expressions and what they are applied to: a variable
 * (local, then the machine's where block, then the module's scope), a
 * function or primitive applied to its one argument, a constructor applied to
 * its fields. Part of {@link ExprChecker}, which infers the rest; errors are
 * reported where they happen and the expression gets {@link Unifier#ERROR}.
 */
final class CallChecker {
    private final ExprChecker exprs;
    private final DeclContext ctx;
    private final ProgramEnv env;
    private final Unifier u;

    CallChecker(ExprChecker exprs) {
        this.exprs = exprs;
        this.ctx = exprs.ctx;
        this.env = exprs.env;
        this.u = exprs.u;
    }

    private Typed.Expr infer(Expr e, Locals locals) { return exprs.infer(e, locals); }

    private Typed.Expr argument(Expr e, Locals locals) { return exprs.argument(e, locals); }

    private void value(Type type, Position pos, int length, boolean argument) { exprs.value(type, pos, length, argument); }

    private boolean expect(Type actual, Type expected, Position pos, BiFunction<String, String, String> message) {
        return exprs.expect(actual, expected, pos, message);
    }

    private static Position start(Expr e) { return ExprChecker.start(e); }

    Typed.Expr variable(Expr.Var v, Locals locals) {
        QualName q = v.name();
        if (q.qualifier().isEmpty()) {
            Locals.Var local = locals.lookup(q.name());
            if (local != null) {
                value(local.type(), v.pos(), q.name().length(), false);
                return new Typed.Local(local.unique(), local.type(), v.pos());
            }
            Optional<DeclContext.LocalRef> where = whereLocal(q.name(), v.pos());
            if (where.isPresent()) {
                env.error(v.pos(), q.name().length(), notAValue(q.name(), where.get().arrow()));
                return new Typed.UnitLit(Unifier.ERROR, v.pos());
            }
            Optional<String> builtin = BuiltinArrows.usedAsValue(q.name());
            if (builtin.isPresent() && !(ctx.scope.lookup(Namespace.VALUE, q) instanceof ModuleScope.Found)) {
                env.error(v.pos(), q.name().length(), builtin.get());
                return new Typed.UnitLit(Unifier.ERROR, v.pos());
            }
        }
        Entity e = lookupValue(q, locals);
        if (e instanceof Entity.Value val && val.decl() instanceof hotsm.compiler.syntax.Decl.Function f && f.parameter().isEmpty()) {
            Scheme.Instance inst = ctx.module.schemeOf(val, v.pos()).instantiate(u);
            return new Typed.Constant(val.qualifiedName(), inst.typeArgs(), inst.type(), v.pos());
        }
        if (e != null) {
            env.error(v.pos(), q.toString().length(), notAValue(q.toString(), val(e)));
        }
        return new Typed.UnitLit(Unifier.ERROR, v.pos());
    }

    private static boolean val(Entity e) { return e instanceof Entity.Value v && v.decl() instanceof hotsm.compiler.syntax.Decl.Arrow; }

    private static String notAValue(String name, boolean arrow) {
        return arrow ? "'" + name + "' is an arrow: use it in a command, as '" + name + " -< e'"
                : "'" + name + "' is a function: apply it to its argument, as '" + name + " x' ("
                + TypeResolver.FUNCTIONS_ARE_NOT_VALUES + ")";
    }

    Optional<DeclContext.LocalRef> whereLocal(String name, Position use) {
        return ctx.machine == null ? Optional.empty() : ctx.machine.local(name, use);
    }

    /** Looks up a top-level value; reports and returns null when there is none. */
    Entity lookupValue(QualName q, Locals locals) {
        ModuleScope.Lookup found = ctx.scope.lookup(Namespace.VALUE, q);
        if (found instanceof ModuleScope.Found f) return f.entity();
        String message = found.message();
        if (q.qualifier().isEmpty() && ctx.hiddenWhere.contains(q.name())) {
            message = "unbound variable '" + q.name() + "': the machine's where block is not in scope in its initial state";
        } else if (q.qualifier().isEmpty() && message.startsWith("unbound variable") && !message.contains("did you mean")) {
            java.util.Set<String> known = new java.util.HashSet<>(locals.names());
            if (ctx.machine != null) known.addAll(ctx.machine.names());
            Optional<String> close = Suggestions.closest(q.name(), known);
            if (close.isPresent()) message += "; did you mean '" + close.get() + "'?";
        }
        env.error(q.pos(), q.toString().length(), message);
        return null;
    }

    Typed.Expr application(Expr.App a, Locals locals) {
        if (a.function() instanceof Expr.Con c) return construct(c.name(), a.args(), a.pos(), locals);
        if (!(a.function() instanceof Expr.Var v)) {
            env.error(a.function().pos(), "this is not a function: only named functions and constructors can be applied");
            a.args().forEach(x -> infer(x, locals));
            return new Typed.UnitLit(Unifier.ERROR, a.pos());
        }
        QualName q = v.name();
        String name = q.toString();
        Locals.Var local = q.qualifier().isEmpty() ? locals.lookup(q.name()) : null;
        if (local != null && a.args().size() == 1 && !(u.resolve(local.type()) instanceof Type.Con)
                && !(u.resolve(local.type()) instanceof Type.Tuple) && !(u.resolve(local.type()) instanceof Type.Unit)) {
            // a function-typed parameter applied (LANGUAGE.md §13)
            Type from = u.fresh(null);
            Type to = u.fresh(null);
            if (u.unify(local.type(), new Type.Fun(from, to))) {
                Expr argument = a.args().get(0);
                Typed.Expr arg = infer(argument, locals);
                expect(arg.type(), from, start(argument), (x, y) -> "type mismatch: the argument of '" + name + "' has type " + x
                        + ", but '" + name + "' expects " + y);
                value(to, a.pos(), name.length(), false);
                return new Typed.LocalCall(local.unique(), arg, to, a.pos());
            }
        }
        if (local != null) {
            env.error(v.pos(), name.length(), "'" + name + "' is a variable, not a function: it cannot be applied to an argument");
            a.args().forEach(x -> infer(x, locals));
            return new Typed.UnitLit(Unifier.ERROR, a.pos());
        }
        Optional<String> builtin = q.qualifier().isEmpty() ? BuiltinArrows.usedAsValue(q.name()) : Optional.empty();
        if (builtin.isPresent() && !(ctx.scope.lookup(Namespace.VALUE, q) instanceof ModuleScope.Found)) {
            env.error(v.pos(), name.length(), builtin.get());
            a.args().forEach(x -> infer(x, locals));
            return new Typed.UnitLit(Unifier.ERROR, a.pos());
        }
        if (a.args().size() != 1) {
            String tuple = String.join(", ", "abcdefghijklmnopqrstuvwxyz".substring(0, Math.min(26, a.args().size())).split(""));
            env.error(start(a), name.length(), "functions take one argument; pass a tuple: " + name + " (" + tuple + ")");
            a.args().forEach(x -> argument(x, locals));   // a function or lambda among them is not blamed too
            return new Typed.UnitLit(Unifier.ERROR, a.pos());
        }
        Expr argument = a.args().get(0);
        Optional<DeclContext.LocalRef> where = q.qualifier().isEmpty() ? whereLocal(q.name(), v.pos()) : Optional.empty();
        if (where.isPresent()) {
            if (where.get().arrow()) {
                env.error(v.pos(), name.length(), "'" + name + "' is an arrow of the machine: use it in a command, as '" + name + " -< e'");
                infer(argument, locals);
                return new Typed.UnitLit(Unifier.ERROR, a.pos());
            }
            return call(where.get().key(), List.of(), where.get().type(), name, argument, a.pos(), locals, null);
        }
        Entity e = lookupValue(q, locals);
        if (e instanceof Entity.Primitive p) {
            Scheme.Instance inst = env.schemes.get(p.qualifiedName()).instantiate(u);
            if (p.special() != null) return special(p, inst.type(), name, argument, a.pos(), locals);
            return call(p.qualifiedName(), List.of(), inst.type(), name, argument, a.pos(), locals, p.op());
        }
        if (e instanceof Entity.Value val) {
            if (val.decl() instanceof hotsm.compiler.syntax.Decl.Function f && f.parameter().isEmpty()) {
                env.error(v.pos(), name.length(), "'" + name + "' is a constant, not a function: it cannot be applied to an argument");
                infer(argument, locals);
                return new Typed.UnitLit(Unifier.ERROR, a.pos());
            }
            Scheme.Instance inst = ctx.module.schemeOf(val, v.pos()).instantiate(u);
            return call(val.qualifiedName(), inst.typeArgs(), inst.type(), name, argument, a.pos(), locals, null);
        }
        argument(argument, locals);   // as an argument: a lambda there is not blamed for the unknown function
        return new Typed.UnitLit(Unifier.ERROR, a.pos());
    }

    private Typed.Expr call(String function, List<Type> typeArgs, Type type, String written, Expr argument,
                            Position pos, Locals locals, hotsm.vm.bytecode.PrimOp prim) {
        Typed.Call call = call(function, typeArgs, type, written, argument, pos, locals);
        return prim != null ? new Typed.PrimCall(prim, call.argument(), call.type(), pos) : call;
    }

    private Typed.Call call(String function, List<Type> typeArgs, Type type, String written, Expr argument,
                            Position pos, Locals locals) {
        Type from = u.fresh(null);
        Type to = u.fresh(null);
        u.unify(type, new Type.Fun(from, to));
        Typed.Expr arg = argument(argument, locals);
        expect(arg.type(), from, start(argument),
                (a, b) -> "type mismatch: the argument of '" + written + "' has type " + a + ", but '" + written + "' expects " + b);
        value(to, pos, written.length(), false);
        return new Typed.Call(function, typeArgs, arg, to, pos);
    }

    /** A call of a function the compiler builds itself: {@code show} or a fold. */
    private Typed.Expr special(Entity.Primitive p, Type type, String written, Expr argument, Position pos, Locals locals) {
        Typed.Call call = call(p.qualifiedName(), List.of(), type, written, argument, pos, locals);
        Typed.Expr arg = call.argument();
        if (p.special().startsWith(Binder.MISSING)) {
            // inside the standard modules this is reported when a program uses them
            if (hotsm.compiler.resolve.ModuleLoader.STANDARD.contains(ctx.module.name())) return call;
            env.error(pos, written.length(), "'" + written + "' needs the primitive " + p.special().substring(Binder.MISSING.length())
                    + ", which this VM does not provide");
            return new Typed.UnitLit(Unifier.ERROR, pos);
        }
        if (p.special().equals("error")) return new Typed.Fail(arg, call.type(), pos);
        if (p.special().equals("show")) {
            value(arg.type(), start(argument), 1, false);
            return new Typed.Show(arg, call.type(), pos);
        }
        if (arg instanceof Typed.Tuple t && t.components().size() == 3) {
            return new Typed.Fold(t.components().get(0), t.components().get(1), t.components().get(2), call.type(), pos);
        }
        env.error(start(argument), 1, "'" + written + "' takes its three arguments as a tuple written in place: "
                + written + " (f, initial, list)");
        return new Typed.UnitLit(Unifier.ERROR, pos);
    }

    /** A constructor applied to {@code args}, which must be as many as its fields. */
    Typed.Expr construct(QualName name, List<Expr> args, Position pos, Locals locals) {
        ModuleScope.Lookup found = ctx.scope.lookup(Namespace.CONSTRUCTOR, name);
        if (!(found instanceof ModuleScope.Found fd && fd.entity() instanceof Entity.Constructor c)) {
            env.error(name.pos(), name.toString().length(), found.message());
            args.forEach(x -> infer(x, locals));
            return new Typed.UnitLit(Unifier.ERROR, pos);
        }
        ExprChecker.DataInstance inst = ExprChecker.DataInstance.of(ctx.env.dataType(c), c.index(), u);
        List<Type> fields = inst.fields();
        Type result = inst.type();
        if (args.size() != fields.size()) {
            env.error(name.pos(), name.toString().length(),
                    "the constructor '" + name + "' takes " + TypeResolver.plural(fields.size(), "argument")
                            + ", but here it has " + args.size());
            args.forEach(x -> infer(x, locals));
            return new Typed.UnitLit(result, pos);
        }
        List<Typed.Expr> typed = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            Typed.Expr t = infer(args.get(i), locals);
            int n = i + 1;
            expect(t.type(), fields.get(i), start(args.get(i)), (a, b) -> "type mismatch: argument " + n + " of '" + name
                    + "' has type " + a + ", but '" + name + "' expects " + b);
            typed.add(t);
        }
        return new Typed.Construct(c.dataTypeName(), c.index(), typed, result, pos);
    }
}
