package hotsm.compiler.types;

import hotsm.compiler.resolve.Entity;
import hotsm.compiler.syntax.Decl;
import hotsm.compiler.syntax.DeclVisitor;
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

    /** Checks the definition {@code decl} (a function, a constant or an arrow) named {@code qualified}; not yet zonked. */
    Typed.Function body(Decl decl, String qualified, Type sig, DeclContext ctx) {
        ExprChecker exprs = new ExprChecker(ctx);
        return new DeclVisitor<Typed.Function>() {
            @Override public Typed.Function visitFunction(Decl.Function f) { return function(f, qualified, sig, exprs); }

            @Override public Typed.Function visitArrow(Decl.Arrow a) {
                Type.Fun type = functionType(a, a.name(), sig);
                return arrow(a, qualified, type.from(), type.to(), type, exprs);
            }

            @Override public Typed.Function visitData(Decl.Data d) { throw noBody(d); }

            @Override public Typed.Function visitTypeAlias(Decl.TypeAlias d) { throw noBody(d); }

            @Override public Typed.Function visitSignature(Decl.Signature d) { throw noBody(d); }

            @Override public Typed.Function visitMachine(Decl.Machine d) { throw noBody(d); }

            @Override public Typed.Function visitUpgrade(Decl.Upgrade d) { throw noBody(d); }
        }.visit(decl);
    }

    private static IllegalArgumentException noBody(Decl d) {
        return new IllegalArgumentException("only functions, constants and arrows are checked here: " + d);
    }

    /** A function or a constant, against its signature {@code sig} (null if it has none). */
    private Typed.Function function(Decl.Function f, String qualified, Type sig, ExprChecker exprs) {
        if (f.parameter().isEmpty()) {
            Typed.Expr body = sig != null && branches(f.body())
                    ? exprs.checkAgainst(f.body(), sig, Locals.EMPTY, new ExprChecker.Words("'", f.name(), "'"),
                            new ExprChecker.Words("the signature of '", f.name(), "' says"))
                    : exprs.infer(f.body(), Locals.EMPTY);
            if (sig != null && !branches(f.body())) {
                exprs.expect(body.type(), sig, ExprChecker.start(f.body()), (a, b) -> "type mismatch: '" + f.name() + "' has type " + a
                        + ", but its signature says " + b);
            }
            return new Typed.Function(qualified, List.of(), null, body, null, body.type(), f.pos());
        }
        Type.Fun type = functionType(f, f.name(), sig);
        Type from = type.from();
        Type to = type.to();
        String name = f.name();
        PatternChecker.Bound param = exprs.patterns.irrefutable(f.parameter().get(), from, "a function parameter");
        if (sig != null && branches(f.body())) {
            Typed.Expr body = exprs.checkAgainst(f.body(), to, Locals.EMPTY.bindAll(param.vars()),
                    new ExprChecker.Words("the body of '", name, "'"), new ExprChecker.Words("the signature of '", name, "' says"));
            return new Typed.Function(qualified, List.of(), param.pattern(), body, null, type, f.pos());
        }
        Typed.Expr body = exprs.infer(f.body(), Locals.EMPTY.bindAll(param.vars()));
        exprs.expect(body.type(), to, ExprChecker.start(f.body()), sig == null ? ExprChecker.mismatch("the body of '" + name + "'")
                : (a, b) -> "type mismatch: the body of '" + name + "' has type " + a + ", but its signature says " + b);
        return new Typed.Function(qualified, List.of(), param.pattern(), body, null, type, f.pos());
    }

    /** {@code from -> to}, fresh, unified with the signature {@code sig} if there is one. */
    private Type.Fun functionType(Decl decl, String name, Type sig) {
        Unifier u = env.unifier;
        Type from = u.fresh(null);
        Type to = u.fresh(null);
        Type.Fun type = new Type.Fun(from, to);
        if (sig != null && !u.unify(type, sig)) {
            env.error(decl.pos(), name.length(), "the signature of '" + name + "' says its type is " + TypePrinter.print(sig)
                    + ", which is not a function type, but '" + name + "' is defined as a function");
        }
        return type;
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
