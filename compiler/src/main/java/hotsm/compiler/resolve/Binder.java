package hotsm.compiler.resolve;

import hotsm.compiler.syntax.Decl;
import hotsm.compiler.syntax.Expr;
import hotsm.compiler.syntax.Module;
import hotsm.compiler.syntax.Position;
import hotsm.vm.bytecode.PrimOp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The binding pass: before any module is checked, fills each module's
 * {@link ModuleInfo} with the top-level names it declares (data types and
 * aliases, constructors, functions, arrows, primitives and machines), pairs
 * each signature with its name, and builds the {@link ModuleScope} its imports
 * give it. It reports what is wrong with the names alone: an import of a
 * module not loaded, a module defined twice, a name defined twice, a built-in
 * type or predefined arrow defined again, a signature twice or without a
 * definition, a {@code primitive} the VM does not provide. The checker
 * ({@code types}) then only looks names up in what this pass built.
 *
 * <p>Of two definitions of one name the first in the source is bound; the
 * others are reported and left out (the checker never sees them).
 */
public final class Binder {
    /** Where the binder reports an error (the checker's diagnostics: one error per place). */
    @FunctionalInterface
    public interface Errors {
        void error(Position pos, int length, String message);
    }

    /** A module whose names are bound: its scope (its own names and its imports') and its signatures by name. */
    public record Bound(Module module, ModuleScope scope, Map<String, Decl.Signature> signatures) {
        public ModuleInfo info() { return scope.own(); }
    }

    /** The module whose {@code name = primitive} declarations bind VM primitives. */
    public static final String PRELUDE = ModuleLoader.PRELUDE;
    /**
     * The primitives the Prelude binds by symbol ({@code showInt = primitive}), by that symbol; their types are
     * the vm's table's ({@code PrimOp.signature}), which the checker holds the Prelude's signatures to.
     */
    public static final Map<String, PrimOp> PRELUDE_PRIMITIVES = Map.of(
            PrimOp.SHOW_INT.symbol(), PrimOp.SHOW_INT, PrimOp.LENGTH.symbol(), PrimOp.LENGTH);
    /** The predefined arrows (LANGUAGE.md §2): not keywords, but not definable either. */
    public static final Set<String> PREDEFINED_ARROWS = Set.of("get", "put", "returnA");
    /** What the compiler builds itself where a standard module writes {@code name = primitive "special"}. */
    public static final Set<String> SPECIALS = Set.of("fold", "show", "error");
    /** The prefix of the special of a primitive the VM does not provide. */
    public static final String MISSING = "missing:";
    /** Type names no module may declare. */
    private static final Set<String> BUILT_IN_TYPES = Set.of("Int", "String", "List", "Map");

    private final ModuleInfo info;
    private final Errors errors;
    private final Map<String, Decl.Signature> signatures = new LinkedHashMap<>();

    private Binder(ModuleInfo info, Errors errors) {
        this.info = info;
        this.errors = errors;
    }

    /**
     * Binds {@code module}'s names, given the modules bound before it (in
     * dependency order), and adds it to {@code bound}; empty when a module of
     * that name is bound already (the error is reported, the module left out).
     */
    public static Optional<Bound> bind(Module module, Map<String, ModuleInfo> bound, Errors errors) {
        List<ModuleScope.Imported> imports = new ArrayList<>();
        for (String standard : ModuleLoader.implicitImports(module.name())) {
            boolean explicit = false;
            for (Module.Import i : module.imports()) explicit |= i.module().equals(standard);
            if (!explicit && bound.containsKey(standard)) {
                imports.add(new ModuleScope.Imported(bound.get(standard),
                        standard.equals(PRELUDE) ? Optional.empty() : Optional.of(standard)));
            }
        }
        for (Module.Import imp : module.imports()) {
            ModuleInfo m = bound.get(imp.module());
            if (m == null) {
                errors.error(imp.pos(), 1, "module '" + imp.module() + "' was not loaded");
            } else {
                imports.add(new ModuleScope.Imported(m, imp.alias()));
            }
        }
        if (bound.containsKey(module.name())) {
            errors.error(module.pos(), 1, "the module '" + module.name() + "' is defined twice");
            return Optional.empty();
        }
        ModuleInfo info = new ModuleInfo(module.name());
        bound.put(module.name(), info);
        Binder b = new Binder(info, errors);
        b.types(module.decls());
        b.values(module.decls());
        return Optional.of(new Bound(module, new ModuleScope(info, imports), java.util.Collections.unmodifiableMap(b.signatures)));
    }

    /** Data types and aliases, then the constructors of each data type bound. */
    private void types(List<Decl> decls) {
        for (Decl d : decls) {
            if (d instanceof Decl.Data data) defineType(new Entity.DataName(info.name(), data.name(), data.params().size(), data), d.pos());
            if (d instanceof Decl.TypeAlias a) defineType(new Entity.Alias(info.name(), a.name(), a), d.pos());
        }
        for (Decl d : decls) {
            if (!(d instanceof Decl.Data data) || !(info.get(Namespace.TYPE, data.name()).orElse(null) instanceof Entity.DataName e)
                    || e.decl() != data) {
                continue;
            }
            for (int i = 0; i < data.constructors().size(); i++) {
                Decl.ConDecl c = data.constructors().get(i);
                Optional<Entity> before = info.define(Namespace.CONSTRUCTOR, new Entity.Constructor(info.name(), c.name(), data, i));
                if (before.isPresent() && before.get() instanceof Entity.Constructor other) {
                    errors.error(c.pos(), c.name().length(), "the constructor '" + c.name() + "' is already defined (in data type '"
                            + other.data().name() + "')");
                }
            }
        }
    }

    private void defineType(Entity e, Position pos) {
        if (BUILT_IN_TYPES.contains(e.name())) {
            errors.error(pos, 1, "'" + e.name() + "' is a built-in type and cannot be declared again");
            return;
        }
        Optional<Entity> before = info.define(Namespace.TYPE, e);
        before.ifPresent(b -> errors.error(pos, 1, "the type '" + e.name() + "' is already defined at line " + line(b)));
    }

    /** Signatures, then functions, primitives, arrows and machines. */
    private void values(List<Decl> decls) {
        for (Decl d : decls) {
            if (d instanceof Decl.Signature s && signatures.putIfAbsent(s.name(), s) != null) {
                errors.error(s.pos(), 1, "'" + s.name() + "' has two signatures (the first at line "
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
                errors.error(s.pos(), s.name().length(), "the signature of '" + s.name() + "' has no definition beside it");
            }
        }
    }

    private void define(Namespace ns, Entity e, Position pos) {
        if (ns == Namespace.VALUE && PREDEFINED_ARROWS.contains(e.name())) {
            errors.error(pos, e.name().length(), "'" + e.name() + "' is a predefined arrow and cannot be defined again");
            return;
        }
        Optional<Entity> before = info.define(ns, e);
        before.ifPresent(b -> errors.error(pos, e.name().length(), "'" + e.name() + "' is already defined at line " + line(b)));
    }

    /**
     * {@code name = primitive} (the Prelude's {@code showInt}, {@code length})
     * or {@code name = primitive "OP"} (the {@link PrimOp} of that name, or a
     * {@link #SPECIALS special}) in a standard module.
     */
    private Optional<Entity.Primitive> primitive(Decl.Function f) {
        if (!ModuleLoader.STANDARD.contains(info.name()) || f.parameter().isPresent()) return Optional.empty();
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
            PrimOp op = PRELUDE_PRIMITIVES.get(f.name());
            if (op != null) return Optional.of(new Entity.Primitive(info.name(), f.name(), op, f));
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
        errors.error(f.pos(), 1, "'" + (opName == null ? f.name() : opName) + "' is not a primitive the VM provides");
        return Optional.empty();
    }

    /** The line a top-level name is declared on (0 for a constructor, which is reported by its data type). */
    public static int line(Entity e) {
        if (e instanceof Entity.DataName d) return d.decl().pos().line();
        if (e instanceof Entity.Alias a) return a.decl().pos().line();
        if (e instanceof Entity.Value v) return v.decl().pos().line();
        if (e instanceof Entity.Primitive p) return p.decl().pos().line();
        if (e instanceof Entity.Machine m) return m.decl().pos().line();
        return 0;
    }
}
