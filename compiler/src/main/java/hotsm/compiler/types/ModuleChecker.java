package hotsm.compiler.types;

import hotsm.compiler.resolve.Entity;
import hotsm.compiler.resolve.ModuleInfo;
import hotsm.compiler.resolve.ModuleScope;
import hotsm.compiler.resolve.Namespace;
import hotsm.compiler.syntax.Decl;
import hotsm.compiler.syntax.Expr;
import hotsm.compiler.syntax.Module;
import hotsm.compiler.syntax.Position;
import hotsm.vm.bytecode.PrimOp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks one module, after the modules it imports: its type declarations
 * ({@link DataChecker}), then registers its functions, arrows and machines,
 * checks each function on first use or in source order (so a function is
 * generalised before its callers instantiate it, and a cycle shows up as a
 * use of a function still being checked), then its machines
 * ({@link MachineChecker}) and upgrades ({@link UpgradeChecker}).
 */
final class ModuleChecker {
    /** The module whose {@code name = primitive} declarations bind VM primitives. */
    static final String PRELUDE = "Prelude";
    /** The primitives the Prelude may bind, with their types. */
    private static final Map<String, Type> PRIMITIVES = Map.of(
            PrimOp.SHOW_INT.symbol(), new Type.Fun(Type.INT, Type.STRING),
            PrimOp.LENGTH.symbol(), new Type.Fun(Type.STRING, Type.INT));

    private final ProgramEnv env;
    private final ModuleInfo info;
    private final ModuleScope scope;
    private final DataChecker data;
    private final Map<String, Decl.Signature> signatures = new LinkedHashMap<>();
    private final LinkedHashSet<String> inProgress = new LinkedHashSet<>();

    private ModuleChecker(ProgramEnv env, ModuleScope scope) {
        this.env = env;
        this.scope = scope;
        this.info = scope.own();
        this.data = new DataChecker(env, scope);
    }

    /** Checks {@code module} and records what it defines in {@code env}. */
    static void check(ProgramEnv env, Module module) {
        ModuleInfo info = new ModuleInfo(module.name());
        List<ModuleScope.Imported> imports = new ArrayList<>();
        for (String standard : hotsm.compiler.resolve.ModuleLoader.implicitImports(module.name())) {
            boolean explicit = module.imports().stream().anyMatch(i -> i.module().equals(standard));
            if (!explicit && env.modules.containsKey(standard)) {
                imports.add(new ModuleScope.Imported(env.modules.get(standard),
                        standard.equals(PRELUDE) ? Optional.empty() : Optional.of(standard)));
            }
        }
        for (Module.Import imp : module.imports()) {
            ModuleInfo m = env.modules.get(imp.module());
            if (m == null) {
                env.error(imp.pos(), "module '" + imp.module() + "' was not loaded");
            } else {
                imports.add(new ModuleScope.Imported(m, imp.alias()));
            }
        }
        if (env.modules.containsKey(module.name())) {
            env.error(module.pos(), "the module '" + module.name() + "' is defined twice");
            return;
        }
        env.modules.put(module.name(), info);
        ModuleScope scope = new ModuleScope(info, imports);
        env.scopes.put(module.name(), scope);
        new ModuleChecker(env, scope).run(module.decls());
    }

    /** A checker for expressions in an already checked module (the REPL's). */
    static ModuleChecker of(ProgramEnv env, ModuleScope scope) { return new ModuleChecker(env, scope); }

    ModuleScope scope() { return scope; }

    String name() { return info.name(); }

    DataChecker data() { return data; }

    private void run(List<Decl> decls) {
        data.check(decls);
        registerValues(decls);
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

    private void registerValues(List<Decl> decls) {
        for (Decl d : decls) {
            if (d instanceof Decl.Signature s && signatures.putIfAbsent(s.name(), s) != null) {
                env.error(s.pos(), "'" + s.name() + "' has two signatures (the first at line "
                        + signatures.get(s.name()).pos().line() + ")");
            }
        }
        for (Decl d : decls) {
            if (d instanceof Decl.Function f) {
                Optional<Entity.Primitive> prim = primitive(f);
                define(Namespace.VALUE, prim.isPresent() ? prim.get() : new Entity.Value(info.name(), f.name(), f), f.pos());
            } else if (d instanceof Decl.Arrow a) {
                define(Namespace.VALUE, new Entity.Value(info.name(), a.name(), a), a.pos());
            } else if (d instanceof Decl.Machine m) {
                define(Namespace.MACHINE, new Entity.Machine(info.name(), m.name(), m), m.pos());
            }
        }
        for (Decl.Signature s : signatures.values()) {
            if (info.get(Namespace.VALUE, s.name()).isEmpty()) {
                env.error(s.pos(), s.name().length(), "the signature of '" + s.name() + "' has no definition beside it");
            }
        }
    }

    /** The predefined arrows (LANGUAGE.md §2): not keywords, but not definable either. */
    static final java.util.Set<String> PREDEFINED_ARROWS = java.util.Set.of("get", "put", "returnA");

    private void define(Namespace ns, Entity e, Position pos) {
        if (ns == Namespace.VALUE && PREDEFINED_ARROWS.contains(e.name())) {
            env.error(pos, e.name().length(), "'" + e.name() + "' is a predefined arrow and cannot be defined again");
            return;
        }
        Optional<Entity> before = info.define(ns, e);
        before.ifPresent(b -> env.error(pos, e.name().length(), "'" + e.name() + "' is already defined at line " + DataChecker.line(b)));
        if (before.isEmpty() && e instanceof Entity.Primitive p) {
            Decl.Signature sig = signatures.get(p.name());
            Type expected = info.name().equals(PRELUDE) ? PRIMITIVES.get(p.name()) : null;
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
    }

    /** What the compiler builds itself where a standard module writes {@code name = primitive "special"}. */
    static final java.util.Set<String> SPECIALS = java.util.Set.of("fold", "show", "error");
    /** The prefix of the special of a primitive the VM does not provide. */
    static final String MISSING = "missing:";

    /**
     * {@code name = primitive} (the Prelude's {@code showInt}, {@code length})
     * or {@code name = primitive "OP"} (the {@link PrimOp} of that name, or a
     * {@link #SPECIALS special}) in a standard module.
     */
    private Optional<Entity.Primitive> primitive(Decl.Function f) {
        if (!hotsm.compiler.resolve.ModuleLoader.STANDARD.contains(info.name()) || f.parameter().isPresent()) return Optional.empty();
        Expr body = f.body();
        String opName = null;
        if (body instanceof Expr.App a && a.args().size() == 1 && a.args().get(0) instanceof Expr.StrLit s) {
            body = a.function();
            opName = s.value();
        }
        if (!(body instanceof Expr.Var v) || v.name().qualifier().isPresent() || !v.name().name().equals("primitive")) {
            return Optional.empty();
        }
        if (opName == null && info.name().equals(PRELUDE)) {
            for (PrimOp op : PrimOp.values()) {
                if (op.symbol().equals(f.name()) && PRIMITIVES.containsKey(f.name())) {
                    return Optional.of(new Entity.Primitive(info.name(), f.name(), op, f));
                }
            }
        } else if (opName == null) {
            return Optional.empty();
        } else if (SPECIALS.contains(opName)) {
            return Optional.of(new Entity.Primitive(info.name(), f.name(), null, opName, f));
        } else {
            for (PrimOp op : PrimOp.values()) {
                if (op.name().equals(opName)) return Optional.of(new Entity.Primitive(info.name(), f.name(), op, f));
            }
            // a VM without this primitive: the standard module still loads, a use is the error
            return Optional.of(new Entity.Primitive(info.name(), f.name(), null, MISSING + opName, f));
        }
        env.error(f.pos(), "'" + (opName == null ? f.name() : opName) + "' is not a primitive the VM provides");
        return Optional.empty();
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
