package hotsm.compiler.types;

import hotsm.compiler.resolve.Entity;
import hotsm.compiler.resolve.ModuleScope;
import hotsm.compiler.resolve.Namespace;
import hotsm.compiler.syntax.Decl;
import hotsm.compiler.syntax.Proc;
import hotsm.compiler.syntax.QualName;
import java.util.Optional;
import java.util.Set;

/**
 * Checks {@code upgrade Old -> New} and {@code downgrade New -> Old}: New is a
 * machine of this module; for {@code from -> to} the clauses are pure arrows
 * {@code state : from.state -> to.state}, {@code input : from.input -> to.input}
 * and {@code output : to.output -> from.output}; {@code state} may be omitted
 * only when the two state types are the same. Types are compared across
 * versions by structure and bare names (LANGUAGE.md §4).
 */
final class UpgradeChecker {
    private final ProgramEnv env;
    private final ModuleChecker module;
    /** "upgrade A.m -> B.n" -> the line it is declared on, to refuse a second one. */
    private final java.util.Map<String, Integer> seen = new java.util.HashMap<>();

    UpgradeChecker(ProgramEnv env, ModuleChecker module) {
        this.env = env;
        this.module = module;
    }

    void check(Decl.Upgrade up) {
        boolean upgrade = up.direction() == Decl.Direction.UPGRADE;
        String keyword = upgrade ? "upgrade" : "downgrade";
        Entity from = machine(up.from());
        Entity to = machine(up.to());
        if (from == null || to == null) return;
        Entity mine = upgrade ? to : from;
        QualName mineName = upgrade ? up.to() : up.from();
        if (!mine.module().equals(module.name())) {
            env.error(mineName.pos(), mineName.toString().length(), "the " + (upgrade ? "new" : "running")
                    + " machine of " + (upgrade ? "an upgrade" : "a downgrade") + " must be a machine of this module, but '"
                    + mine.qualifiedName() + "' is imported");
            return;
        }
        if (from.qualifiedName().equals(to.qualifiedName())) {
            // It would apply again and again (state 1 -> 3001): a version replaces an older one.
            env.error(up.pos(), keyword.length(), "'" + keyword + " " + up.from() + " -> " + up.to() + "' leads from a"
                    + " machine to itself: name the version it replaces, as in 'upgrade OldModule." + to.name()
                    + " -> " + up.to() + "'");
            return;
        }
        String key = keyword + " " + from.qualifiedName() + " -> " + to.qualifiedName();
        Integer line = seen.putIfAbsent(key, up.pos().line());
        if (line != null) {
            env.error(up.pos(), keyword.length(), "there is already an '" + key + "' at line " + line);
            return;
        }
        if (!upgrade) {
            // A downgrade section holds only a state migration (LANGUAGE.md §5, DowngradeSection):
            // an adapter written here would be silently lost, so say so.
            up.input().ifPresent(p -> adapterInDowngrade(p, "input"));
            up.output().ifPresent(p -> adapterInDowngrade(p, "output"));
        }
        ProgramEnv.MachineTypes f = env.machineTypes.get(from.qualifiedName());
        ProgramEnv.MachineTypes t = env.machineTypes.get(to.qualifiedName());
        if (f == null || t == null) return;
        Unifier u = env.unifier;
        DeclContext ctx = new DeclContext(env, module, null);
        u.setLenient(true);
        try {
            if (up.state().isEmpty() && !sameType(f.state(), t.state())) {
                env.error(up.pos(), keyword.length(), "the state types differ (" + show(f.state()) + " in '" + up.from()
                        + "', " + show(t.state()) + " in '" + up.to() + "'): add a clause 'state = proc s -> ...' that turns the"
                        + " state of '" + up.from() + "' into the state of '" + up.to() + "'"
                        + (show(f.state()).equals(show(t.state())) ? " (the types are written alike, but their data types differ"
                                + " in constructor or field names)" : ""));
            }
            Typed.Proc state = clause(up.state(), f.state(), t.state(), ctx, "state", "the state of '" + up.to() + "'");
            Typed.Proc input = clause(up.input(), f.input(), t.input(), ctx, "input", "an input of '" + up.to() + "'");
            Typed.Proc output = clause(up.output(), t.output(), f.output(), ctx, "output", "an output of '" + up.from() + "'");
            ctx.finish();
            Zonker z = new Zonker(u, Set.of());
            env.upgrades.add(new Typed.Upgrade(up.direction(), from.qualifiedName(), to.qualifiedName(),
                    state == null ? null : z.proc(state), input == null ? null : z.proc(input),
                    output == null ? null : z.proc(output), up.pos()));
        } finally {
            u.setLenient(false);
        }
    }

    private Typed.Proc clause(Optional<Proc> proc, Type from, Type to, DeclContext ctx, String what, String result) {
        if (proc.isEmpty()) return null;
        ExprChecker exprs = new ExprChecker(ctx);
        Type out = env.unifier.fresh(null);
        Typed.Proc p = new CmdChecker(exprs).proc(proc.get(), from, out, Locals.EMPTY);
        exprs.expect(p.body().type(), to, proc.get().body().pos(), (a, b) -> "type mismatch: the " + what
                + " clause returns " + a + ", but it must return " + result + ", of type " + b);
        return new Typed.Proc(p.parameter(), p.body(), new Type.Fun(from, to), p.pos());
    }

    private void adapterInDowngrade(Proc clause, String what) {
        env.error(clause.pos(), 4, "a downgrade has only a 'state' clause: remove this '" + what + "' clause (clients of"
                + " the older version are served through the 'input'/'output' clauses of the upgrade)");
    }

    private boolean sameType(Type a, Type b) {
        return env.unifier.unify(a, b);
    }

    private static String show(Type t) { return TypePrinter.print(t); }

    private Entity machine(QualName q) {
        ModuleScope.Lookup found = module.scope().lookup(Namespace.MACHINE, q);
        if (found instanceof ModuleScope.Found f) return f.entity();
        env.error(q.pos(), q.toString().length(), found.message());
        return null;
    }
}
