package hotsm.compiler.types;

import hotsm.compiler.resolve.Binder;
import hotsm.compiler.resolve.Entity;
import hotsm.compiler.resolve.ModuleInfo;
import hotsm.compiler.resolve.ModuleScope;
import hotsm.compiler.resolve.Namespace;
import hotsm.compiler.syntax.Decl;
import hotsm.compiler.syntax.Position;
import hotsm.vm.bytecode.PrimOp;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks one module, after the modules it imports, in the names the
 * {@link Binder} bound: its type declarations ({@link DataChecker}), the
 * types of its primitives, each function on first use or in source order (so
 * a function is generalised before its callers instantiate it, and a cycle
 * shows up as a use of a function still being checked), then its machines
 * ({@link MachineChecker}) and upgrades ({@link UpgradeChecker}).
 */
final class ModuleChecker {
    private final ProgramEnv env;
    private final ModuleInfo info;
    private final ModuleScope scope;
    private final DataChecker data;
    private final Map<String, Decl.Signature> signatures;
    private final LinkedHashSet<String> inProgress = new LinkedHashSet<>();

    private ModuleChecker(ProgramEnv env, ModuleScope scope, Map<String, Decl.Signature> signatures) {
        this.env = env;
        this.scope = scope;
        this.info = scope.own();
        this.signatures = signatures;
        this.data = new DataChecker(env, scope);
    }

    /** Checks the bound module {@code bound} and records what it defines in {@code env}. */
    static void check(ProgramEnv env, Binder.Bound bound) {
        new ModuleChecker(env, bound.scope(), bound.signatures()).run(bound.module().decls());
    }

    /** A checker for expressions in an already checked module (the REPL's). */
    static ModuleChecker of(ProgramEnv env, ModuleScope scope) { return new ModuleChecker(env, scope, Map.of()); }

    ModuleScope scope() { return scope; }

    String name() { return info.name(); }

    DataChecker data() { return data; }

    private void run(List<Decl> decls) {
        data.check(decls);
        for (Entity e : info.table(Namespace.VALUE).values()) if (e instanceof Entity.Primitive p) primitiveScheme(p);
        for (Entity e : List.copyOf(info.table(Namespace.VALUE).values())) {
            if (e instanceof Entity.Value v) schemeOf(v, null);
        }
        MachineChecker machines = new MachineChecker(env, this);
        for (Decl d : decls) if (d instanceof Decl.Machine m && isRegistered(m)) machines.header(m);
        for (Decl d : decls) if (d instanceof Decl.Machine m && isRegistered(m)) machines.check(m);
        UpgradeChecker upgrades = new UpgradeChecker(env, this);
        for (Decl d : decls) if (d instanceof Decl.Upgrade u) upgrades.check(u);
    }

    private boolean isRegistered(Decl.Machine m) {
        return info.get(Namespace.MACHINE, m.name()).orElse(null) instanceof Entity.Machine e && e.decl() == m;
    }

    /** The scheme of a primitive: its signature, which must match the VM's table (or the Prelude's own types). */
    private void primitiveScheme(Entity.Primitive p) {
        Position pos = p.decl().pos();
        Decl.Signature sig = signatures.get(p.name());
        PrimOp bySymbol = info.name().equals(Binder.PRELUDE) ? Binder.PRELUDE_PRIMITIVES.get(p.name()) : null;
        Type expected = bySymbol == null ? null : PrimitiveTypes.of(bySymbol, env.unifier).orElseThrow();
        Type declared = sig == null ? null : signature(sig);
        if (expected != null && (declared == null || !declared.equals(expected))) {
            env.error(pos, "the primitive '" + p.name() + "' needs the signature " + p.name() + " : " + TypePrinter.print(expected));
        } else if (declared == null) {
            env.error(pos, "the primitive '" + p.name() + "' needs a signature");
            declared = Unifier.ERROR;
        }
        if (expected == null && p.op() != null && !declared.equals(Unifier.ERROR)) {
            Optional<Type> table = PrimitiveTypes.of(p.op(), env.unifier);
            if (table.isPresent() && !PrimitiveTypes.same(declared, table.get(), env.unifier)) {
                env.error(pos, "the primitive '" + p.name() + "' (" + p.op().name() + ") has the type "
                        + p.op().signature() + " in the VM's table, but its signature says " + TypePrinter.print(declared));
            }
        }
        Type type = expected != null ? expected : declared;
        env.schemes.put(p.qualifiedName(), new Scheme(env.unifier.freeVars(type), type));
    }

    Type signature(Decl.Signature sig) {
        return new TypeResolver(env, scope, TypeResolver.Mode.SIGNATURE, null, data).resolve(sig.type());
    }

    Optional<Decl.Signature> signatureOf(String name) { return Optional.ofNullable(signatures.get(name)); }

    /**
     * The scheme of a top-level function, checking it now if it is this
     * module's and not checked yet; a use during its own checking is a cycle.
     */
    Scheme schemeOf(Entity.Value e, Position use) {
        String q = e.qualifiedName();
        Scheme done = env.schemes.get(q);
        if (done != null) return done;
        if (!e.module().equals(info.name())) return Scheme.mono(Unifier.ERROR);
        if (inProgress.contains(q)) {
            List<String> cycle = new ArrayList<>();
            boolean on = false;
            for (String s : inProgress) {
                on |= s.equals(q);
                if (on) cycle.add(TypePrinter.bare(s));
            }
            cycle.add(e.name());
            String how = cycle.size() == 2 ? "'" + e.name() + "' refers to itself"
                    : "'" + e.name() + "' refers to itself through " + String.join(" -> ", cycle);
            env.error(use, e.name().length(), "recursion is not allowed: " + how
                    + "; every step must terminate, so no declaration may depend on itself");
            return Scheme.mono(Unifier.ERROR);
        }
        inProgress.add(q);
        Scheme s = new FunctionChecker(env, this).check(e);
        inProgress.remove(q);
        env.schemes.put(q, s);
        return s;
    }
}
