package hotsm.compiler.types;

import hotsm.compiler.resolve.Entity;
import hotsm.compiler.syntax.Decl;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a function ({@code f p = e}), a constant ({@code c = e}) or a named
 * arrow ({@code a = proc p -> cmd}) against its optional signature. Top-level
 * ones are then generalised (let-polymorphism); a machine's where-block entries
 * stay monomorphic.
 */
final class FunctionChecker {
    private final ProgramEnv env;
    private final ModuleChecker module;

    FunctionChecker(ProgramEnv env, ModuleChecker module) {
        this.env = env;
        this.module = module;
    }

    /** A top-level value: checked, generalised, recorded in the program. */
    Scheme check(Entity.Value e) {
        DeclContext ctx = new DeclContext(env, module, null);
        Type sig = module.signatureOf(e.name()).map(module::signature).orElse(null);
        Typed.Function f = body(e.decl(), e.qualifiedName(), sig, ctx);
        ctx.finish();
        Type type = env.unifier.zonk(f.type());
        java.util.Optional<Decl.Signature> written = module.signatureOf(e.name());
        if (sig != null && !TypeResolver.functionTypeAllowed(sig)) {
            env.error(written.get().type().pos(), 1, "the signature of '" + e.name() + "' puts a function where only values may be: "
                    + TypeResolver.FUNCTIONS_ARE_NOT_VALUES + " (not returned, nor held in a tuple, list, map or data type)");
        } else if (!TypeResolver.functionTypeAllowed(type) && !type.equals(Unifier.ERROR)) {
            env.error(e.decl().pos(), e.name().length(), "'" + e.name() + "' has type " + TypePrinter.print(type) + ": "
                    + TypeResolver.FUNCTIONS_ARE_NOT_VALUES + " (not returned, nor held in a tuple, list, map or data type)");
        }
        List<Type.Var> params = env.unifier.freeVars(type);
        Set<Integer> keep = new HashSet<>();
        for (Type.Var v : params) keep.add(v.id());
        Zonker z = new Zonker(env.unifier, keep);
        Typed.Function typed = z.function(new Typed.Function(f.qualifiedName(), params, f.parameter(), f.body(), f.proc(),
                f.type(), f.pos()));
        env.functions.put(e.qualifiedName(), typed);
        return new Scheme(params, typed.type());
    }

    /** Checks the definition {@code decl} named {@code qualified}; not yet zonked. */
    Typed.Function body(Decl decl, String qualified, Type sig, DeclContext ctx) {
        ExprChecker exprs = new ExprChecker(ctx);
        Unifier u = env.unifier;
        if (decl instanceof Decl.Function f && f.parameter().isEmpty()) {
            Typed.Expr body = sig != null && branches(f.body())
                    ? exprs.checkAgainst(f.body(), sig, Locals.EMPTY, "'" + f.name() + "'", "the signature of '" + f.name() + "' says")
                    : exprs.infer(f.body(), Locals.EMPTY);
            if (sig != null && !branches(f.body())) {
                exprs.expect(body.type(), sig, ExprChecker.start(f.body()), (a, b) -> "type mismatch: '" + f.name() + "' has type " + a
                        + ", but its signature says " + b);
            }
            return new Typed.Function(qualified, List.of(), null, body, null, body.type(), f.pos());
        }
        Type from = u.fresh(null);
        Type to = u.fresh(null);
        Type type = new Type.Fun(from, to);
        String name = decl instanceof Decl.Function f ? f.name() : ((Decl.Arrow) decl).name();
        if (sig != null && !u.unify(type, sig)) {
            env.error(decl.pos(), name.length(), "the signature of '" + name + "' says its type is " + TypePrinter.print(sig)
                    + ", which is not a function type, but '" + name + "' is defined as a function");
        }
        if (decl instanceof Decl.Function f) {
            PatternChecker.Bound param = exprs.patterns.irrefutable(f.parameter().get(), from, "a function parameter");
            if (sig != null && branches(f.body())) {
                Typed.Expr body = exprs.checkAgainst(f.body(), to, Locals.EMPTY.bindAll(param.vars()),
                        "the body of '" + name + "'", "the signature of '" + name + "' says");
                return new Typed.Function(qualified, List.of(), param.pattern(), body, null, type, f.pos());
            }
            Typed.Expr body = exprs.infer(f.body(), Locals.EMPTY.bindAll(param.vars()));
            exprs.expect(body.type(), to, ExprChecker.start(f.body()), sig == null ? ExprChecker.mismatch("the body of '" + name + "'")
                    : (a, b) -> "type mismatch: the body of '" + name + "' has type " + a + ", but its signature says " + b);
            return new Typed.Function(qualified, List.of(), param.pattern(), body, null, type, f.pos());
        }
        Decl.Arrow a = (Decl.Arrow) decl;
        return arrow(a, qualified, from, to, type, exprs);
    }

    /** Whether the signature's type is better checked branch by branch (issue #13: no cascade from one bad branch). */
    private static boolean branches(hotsm.compiler.syntax.Expr e) {
        return e instanceof hotsm.compiler.syntax.Expr.If || e instanceof hotsm.compiler.syntax.Expr.Case
                || e instanceof hotsm.compiler.syntax.Expr.Let;
    }

    private Typed.Function arrow(Decl.Arrow a, String qualified, Type from, Type to, Type type, ExprChecker exprs) {
        Typed.Proc proc = new CmdChecker(exprs).proc(a.proc(), from, to, Locals.EMPTY);
        return new Typed.Function(qualified, List.of(), null, null, proc, type, a.pos());
    }
}
