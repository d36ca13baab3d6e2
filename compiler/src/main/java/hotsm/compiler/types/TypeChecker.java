package hotsm.compiler.types;

import hotsm.compiler.diag.Diagnostic;
import hotsm.compiler.resolve.Binder;
import hotsm.compiler.resolve.ModuleScope;
import hotsm.compiler.syntax.Expr;
import hotsm.compiler.syntax.Module;
import hotsm.compiler.syntax.Position;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The type checker: binds every module's top-level names first
 * ({@link Binder}), then checks the modules in order: Hindley–Milner inference with
 * let-polymorphism for top-level functions, and the rules of LANGUAGE.md
 * §4–§7 (no recursion, no recursive data, exhaustive cases, closed machine
 * types, get/put only in machines, named arrows only left of {@code -<},
 * upgrades typed against both machines).
 */
public final class TypeChecker {
    private TypeChecker() {}

    /** Checks {@code modules}, given in dependency order (as {@code ModuleLoader} returns them, the Prelude first). */
    public static CheckResult check(List<Module> modules) {
        ProgramEnv env = new ProgramEnv();
        List<Binder.Bound> bound = new ArrayList<>();
        Binder.Errors errors = new EnvErrors(env);
        for (Module m : modules) {
            try {
                Binder.Bound b = Binder.bind(m, env.modules, errors).orElse(null);
                if (b != null) {
                    env.scopes.put(m.name(), b.scope());
                    bound.add(b);
                }
            } catch (StackOverflowError | RuntimeException e) {
                failed(env, m, e);
            }
        }
        for (Binder.Bound b : bound) {
            try {
                ModuleChecker.check(env, b);
            } catch (StackOverflowError | RuntimeException e) {
                failed(env, b.module(), e);
            }
        }
        Map<String, Integer> fileOrder = new HashMap<>();
        for (Module m : modules) fileOrder.putIfAbsent(m.file(), fileOrder.size());
        List<Diagnostic> sorted = new ArrayList<>(env.diagnostics);
        // Sorted only if there is something to sort: see Parser.inOrder on Comparator.comparingInt at start-up.
        if (sorted.size() > 1) {
            sorted.sort(Comparator.<Diagnostic>comparingInt(d -> fileOrder.getOrDefault(d.file(), Integer.MAX_VALUE))
                    .thenComparingInt(Diagnostic::line).thenComparingInt(Diagnostic::column));
        }
        return new CheckResult(env.program(), dedupe(sorted), env);
    }

    /** Binding or checking {@code m} failed: a module too deep, or a bug of ours, is an error at the module, not a stack trace. */
    private static void failed(ProgramEnv env, Module m, Throwable e) {
        if (e instanceof StackOverflowError) {
            env.error(m.pos(), "the module '" + m.name() + "' is nested too deeply to check");
        } else {
            env.error(m.pos(), "internal error while checking module '" + m.name() + "': " + e);
        }
    }

    /** The binder reports into the checker's diagnostics (a class, not a lambda: nothing to link at start-up). */
    private static final class EnvErrors implements Binder.Errors {
        private final ProgramEnv env;

        EnvErrors(ProgramEnv env) { this.env = env; }

        @Override public void error(Position pos, int length, String message) { env.error(pos, length, message); }
    }

    /**
     * Checks a standalone expression (the REPL's input) in the scope of the
     * checked module {@code moduleName}; type variables nothing determines
     * become {@code ()}.
     */
    public static ExprCheckResult checkExpression(CheckResult context, String moduleName, Expr expr) {
        Inference i = infer(context, moduleName, expr);
        if (!i.errors().isEmpty()) return new ExprCheckResult(null, i.errors());
        return new ExprCheckResult(new Zonker(i.unifier(), Set.of()).expr(i.typed()), List.of());
    }

    /**
     * The type of a standalone expression as {@link #checkExpression} checks it, but
     * keeping the type variables nothing determines ({@code Nothing : Maybe a}), for
     * the REPL's {@code :type}; empty when the expression does not check.
     */
    public static java.util.Optional<Type> generalTypeOf(CheckResult context, String moduleName, Expr expr) {
        Inference i = infer(context, moduleName, expr);
        return i.errors().isEmpty() ? java.util.Optional.of(i.unifier().zonk(i.typed().type())) : java.util.Optional.empty();
    }

    /**
     * The type of the function, constant or primitive {@code name} ({@code fst},
     * {@code List.map}) as module {@code moduleName} sees it, for the REPL's
     * {@code :type}; empty when there is none or it is not checked.
     */
    public static java.util.Optional<Type> typeOfName(CheckResult context, String moduleName, String name) {
        ProgramEnv env = context.environment();
        ModuleScope scope = env.scopes.get(moduleName);
        if (scope == null) return java.util.Optional.empty();
        int dot = name.lastIndexOf('.');
        Position pos = new Position("<repl>", 1, 1);
        hotsm.compiler.syntax.QualName q = dot < 0 ? hotsm.compiler.syntax.QualName.bare(name, pos)
                : new hotsm.compiler.syntax.QualName(java.util.Optional.of(name.substring(0, dot)), name.substring(dot + 1), pos);
        if (!(scope.lookup(hotsm.compiler.resolve.Namespace.VALUE, q) instanceof ModuleScope.Found f)) return java.util.Optional.empty();
        Scheme s = env.schemes.get(f.entity().qualifiedName());
        return s == null ? java.util.Optional.empty() : java.util.Optional.of(s.type());
    }

    /** An inferred expression before its free type variables are closed, or the errors. */
    private record Inference(Typed.Expr typed, List<Diagnostic> errors, Unifier unifier) {}

    private static Inference infer(CheckResult context, String moduleName, Expr expr) {
        ProgramEnv env = context.environment();
        ModuleScope scope = env.scopes.get(moduleName);
        if (scope == null) {
            Position p = expr.pos();
            return new Inference(null, List.of(Diagnostic.error(p, "no module '" + moduleName + "' is loaded")), null);
        }
        int before = env.diagnostics.size();
        DeclContext ctx = new DeclContext(env, ModuleChecker.of(env, scope), null);
        Typed.Expr typed;
        try {
            typed = new ExprChecker(ctx).infer(expr, Locals.EMPTY);
            ctx.finish();
        } catch (StackOverflowError | RuntimeException e) {
            env.diagnostics.subList(before, env.diagnostics.size()).clear();
            return new Inference(null, List.of(Diagnostic.error(expr.pos(),
                    e instanceof StackOverflowError ? "the expression is nested too deeply to check" : "internal error: " + e)),
                    null);
        }
        List<Diagnostic> errors = new ArrayList<>(env.diagnostics.subList(before, env.diagnostics.size()));
        env.diagnostics.subList(before, env.diagnostics.size()).clear();
        return new Inference(typed, errors, env.unifier);
    }

    private static List<Diagnostic> dedupe(List<Diagnostic> ds) {
        List<Diagnostic> out = new ArrayList<>();
        for (Diagnostic d : ds) if (!out.contains(d)) out.add(d);
        return out;
    }
}
