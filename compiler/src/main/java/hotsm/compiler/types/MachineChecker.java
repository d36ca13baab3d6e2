package hotsm.compiler.types;

import hotsm.compiler.resolve.Binder;
import hotsm.compiler.syntax.Decl;
import hotsm.compiler.syntax.DeclVisitor;
import hotsm.compiler.syntax.Position;
import hotsm.compiler.syntax.TypeExpr;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks machines: closed input, output and state types; the initial state,
 * a closed expression of the state type; the step, a {@code proc} from input
 * to output that may use {@code get}/{@code put}; and the {@code where} block,
 * whose functions and arrows are checked on first use (monomorphic, keyed
 * {@code Module.machine.local}) and may not form cycles.
 */
final class MachineChecker {
    private final ProgramEnv env;
    private final ModuleChecker module;

    MachineChecker(ProgramEnv env, ModuleChecker module) {
        this.env = env;
        this.module = module;
    }

    /** Resolves the machine's three types so upgrades can refer to it. */
    void header(Decl.Machine m) {
        Type input = closed(m.input(), "input");
        Type output = closed(m.output(), "output");
        Type state = closed(m.stateType(), "state");
        env.machineTypes.put(module.name() + "." + m.name(), new ProgramEnv.MachineTypes(input, output, state));
    }

    private Type closed(TypeExpr t, String what) {
        Type type = new TypeResolver(env, module.scope(), TypeResolver.Mode.CLOSED, null, module.data()).resolve(t);
        if (TypeResolver.mentionsFunction(type)) {
            env.error(t.pos(), "a machine's " + what + " type cannot hold a function type: " + TypeResolver.FUNCTIONS_ARE_NOT_VALUES);
            return Unifier.ERROR;
        }
        return type;
    }

    void check(Decl.Machine m) {
        String q = module.name() + "." + m.name();
        ProgramEnv.MachineTypes types = env.machineTypes.get(q);
        WhereBlock where = new WhereBlock(q, m.where(), types.state());
        DeclContext ctx = new DeclContext(env, module, where);
        where.ctx = ctx;
        ExprChecker pure = new ExprChecker(ctx.pure());
        Typed.Expr initial = pure.infer(m.initialState(), Locals.EMPTY);
        pure.expect(initial.type(), types.state(), ExprChecker.start(m.initialState()), (a, b) -> "type mismatch: the initial state has type "
                + a + ", but the machine's state type is " + b);
        Typed.Proc step = new CmdChecker(new ExprChecker(ctx)).proc(m.step(), types.input(), types.output(), Locals.EMPTY);
        where.checkAll();
        ctx.finish();
        Zonker z = new Zonker(env.unifier, Set.of());
        env.machines.put(q, new Typed.Machine(module.name(), m.name(), z.type(types.input()), z.type(types.output()),
                z.type(types.state()), z.expr(initial), z.proc(step), z.functions(where.typed), m.pos()));
    }

    /** The where block of one machine: its entries by name, checked lazily. */
    private final class WhereBlock implements DeclContext.MachineScope {
        private final String machine;
        private final Type state;
        private final Map<String, Decl> decls = new LinkedHashMap<>();
        private final Map<String, Decl.Signature> signatures = new HashMap<>();
        private final Map<String, Typed.Function> typed = new LinkedHashMap<>();
        private final LinkedHashSet<String> inProgress = new LinkedHashSet<>();
        DeclContext ctx;

        WhereBlock(String machine, List<Decl> where, Type state) {
            this.machine = machine;
            this.state = state;
            DeclVisitor<Void> entry = new DeclVisitor<>() {
                @Override public Void visitSignature(Decl.Signature s) {
                    if (signatures.putIfAbsent(s.name(), s) != null) env.error(s.pos(), "'" + s.name() + "' has two signatures");
                    return null;
                }

                @Override public Void visitFunction(Decl.Function f) { return define(f.name(), f); }

                @Override public Void visitArrow(Decl.Arrow a) { return define(a.name(), a); }

                @Override public Void visitData(Decl.Data d) { return refuse(d); }

                @Override public Void visitTypeAlias(Decl.TypeAlias d) { return refuse(d); }

                @Override public Void visitMachine(Decl.Machine d) { return refuse(d); }

                @Override public Void visitUpgrade(Decl.Upgrade d) { return refuse(d); }

                private Void define(String name, Decl d) {
                    if (Binder.PREDEFINED_ARROWS.contains(name)) {
                        env.error(d.pos(), name.length(), "'" + name + "' is a predefined arrow and cannot be defined again");
                        return null;
                    }
                    Decl before = decls.putIfAbsent(name, d);
                    if (before != null) {
                        env.error(d.pos(), name.length(), "'" + name + "' is already defined at line " + before.pos().line());
                    }
                    return null;
                }

                private Void refuse(Decl d) {
                    env.error(d.pos(), "a machine's where block may only hold functions, arrows and their signatures");
                    return null;
                }
            };
            for (Decl d : where) entry.visit(d);
            for (Decl.Signature s : signatures.values()) {
                if (!decls.containsKey(s.name())) env.error(s.pos(), "the signature of '" + s.name() + "' has no definition beside it");
            }
        }

        @Override public Type state() { return state; }

        @Override public Set<String> names() { return decls.keySet(); }

        private String key(String name) { return machine + "." + name; }

        @Override
        public Optional<DeclContext.LocalRef> local(String name, Position use) {
            Decl d = decls.get(name);
            if (d == null) return Optional.empty();
            boolean arrow = d instanceof Decl.Arrow;
            Typed.Function done = typed.get(key(name));
            if (done != null) return Optional.of(new DeclContext.LocalRef(key(name), done.type(), arrow));
            if (inProgress.contains(name)) {
                List<String> cycle = new ArrayList<>();
                boolean on = false;
                for (String s : inProgress) {
                    on |= s.equals(name);
                    if (on) cycle.add(s);
                }
                cycle.add(name);
                String how = cycle.size() == 2 ? "'" + name + "' refers to itself"
                        : "'" + name + "' refers to itself through " + String.join(" -> ", cycle);
                env.error(use, name.length(), "recursion is not allowed: " + how
                        + "; every step must terminate, so no declaration may depend on itself");
                return Optional.of(new DeclContext.LocalRef(key(name), Unifier.ERROR, arrow));
            }
            inProgress.add(name);
            Typed.Function f = checkLocal(name, d);
            inProgress.remove(name);
            typed.put(key(name), f);
            return Optional.of(new DeclContext.LocalRef(key(name), f.type(), arrow));
        }

        private Typed.Function checkLocal(String name, Decl d) {
            if (d instanceof Decl.Function f && f.parameter().isEmpty()) {
                env.error(d.pos(), name.length(), "'" + name + "' in a where block needs a parameter: define constants at the top level");
            }
            Type sig = signatures.containsKey(name) ? module.signature(signatures.get(name)) : null;
            return new FunctionChecker(env, module).body(d, key(name), sig, ctx.sibling());
        }

        void checkAll() {
            for (String name : decls.keySet()) local(name, decls.get(name).pos());
        }
    }
}
