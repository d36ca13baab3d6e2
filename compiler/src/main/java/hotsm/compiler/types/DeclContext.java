package hotsm.compiler.types;

import hotsm.compiler.resolve.ModuleScope;
import hotsm.compiler.syntax.Position;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What checking one declaration (a function, a machine, a migration) needs
 * besides the local variables: the module's scope, the enclosing machine if
 * any (for {@code get}/{@code put} and the {@code where} block), and the
 * renaming that makes local names unique within the declaration.
 */
final class DeclContext {
    /** A {@code where}-block entry as seen from a use: its key, its (monomorphic) type, whether it is an arrow. */
    record LocalRef(String key, Type type, boolean arrow) {}

    /** The machine whose step or where block is being checked. */
    interface MachineScope {
        Type state();

        /** The where-block entry called {@code name}, checking it first if needed. */
        Optional<LocalRef> local(String name, Position use);

        /** The names the where block defines (for "did you mean"). */
        java.util.Set<String> names();
    }

    final ProgramEnv env;
    final ModuleChecker module;
    final ModuleScope scope;
    final MachineScope machine;
    /** Operand types of orderings; still unknown at the end they default to Int. */
    final List<Ordering> orderings;

    /** An ordering operator and the type of its operands, checked when the declaration is done. */
    record Ordering(String op, Type operands, Position pos) {}
    private final Map<String, Integer> counts;
    /** What can only be checked once the declaration's types are known; shared by sibling contexts. */
    final Deferred deferred;

    /** A value whose type must hold no function ({@code argument}: unless it is a first-order function passed as an argument). */
    record ValueUse(Type type, Position pos, int length, boolean argument) {}

    /** The operands of {@code ++}: two strings or two lists. */
    record Concat(Type operands, Position pos) {}

    /** The checks of one declaration that wait for its types. */
    static final class Deferred {
        final List<ValueUse> values = new ArrayList<>();
        final List<Concat> concats = new ArrayList<>();
        final List<RecordChecker.Pending> fields = new ArrayList<>();
    }

    DeclContext(ProgramEnv env, ModuleChecker module, MachineScope machine) {
        this(env, module, machine, new HashMap<>(), new ArrayList<>(), new Deferred());
    }

    private DeclContext(ProgramEnv env, ModuleChecker module, MachineScope machine, Map<String, Integer> counts,
                        List<Ordering> orderings, Deferred deferred) {
        this.env = env;
        this.module = module;
        this.scope = module.scope();
        this.machine = machine;
        this.counts = counts;
        this.orderings = orderings;
        this.deferred = deferred;
    }

    /** A context for another part of the same declaration (a where-block entry): same renaming. */
    DeclContext sibling() { return new DeclContext(env, module, machine, counts, orderings, deferred); }

    /** The same declaration outside the machine's reach (its initial state): same renaming, no get/put. */
    DeclContext pure() {
        DeclContext c = new DeclContext(env, module, null, counts, orderings, deferred);
        if (machine != null) c.hiddenWhere.addAll(machine.names());
        return c;
    }

    /** Where-block names not visible here (in the initial state), for a clearer "unbound" message. */
    final java.util.Set<String> hiddenWhere = new java.util.HashSet<>();

    /** The name a pattern variable gets in the checked program: unique within the declaration. */
    String unique(String name) {
        int n = counts.merge(name, 1, Integer::sum);
        return n == 1 ? name : name + "#" + (n - 1);
    }

    /**
     * Resolves record fields by the types inferred, then defaults ordering
     * operands that nothing determined to Int (as Haskell defaults numbers) and
     * those of {@code ++} to String, and checks that functions are only passed.
     */
    void finish() {
        RecordChecker.resolveAll(this);
        for (Concat c : deferred.concats) {
            Type t = env.unifier.resolve(c.operands());
            if (t instanceof Type.Var v && !env.unifier.isRigid(v)) {
                env.unifier.bind(v, Type.STRING);
            } else if (!t.equals(Type.STRING) && !Type.isList(t) && !t.equals(Unifier.ERROR)) {
                env.error(c.pos(), 2, "'++' joins two strings or two lists, but its operands have type "
                        + TypePrinter.print(env.unifier.zonk(t)));
            }
        }
        for (ValueUse v : deferred.values) {
            Type t = env.unifier.zonk(v.type());
            boolean ok = v.argument() && t instanceof Type.Fun f
                    ? !TypeResolver.mentionsFunction(f.from()) && !TypeResolver.mentionsFunction(f.to())
                    : !TypeResolver.mentionsFunction(t);
            if (!ok) env.error(v.pos(), v.length(), TypeResolver.FUNCTIONS_ARE_NOT_VALUES + " (this has type " + TypePrinter.print(t) + ")");
        }
        deferred.values.clear();
        deferred.concats.clear();
        for (Ordering o : orderings) {
            Type t = env.unifier.resolve(o.operands());
            if (t instanceof Type.Var v && !env.unifier.isRigid(v)) {
                env.unifier.bind(v, Type.INT);
            } else if (!orderable(t)) {
                env.error(o.pos(), o.op().length(), "'" + o.op() + "' compares values that hold no function, but its operands have type "
                        + TypePrinter.print(env.unifier.zonk(t)));
            }
        }
    }

    private static boolean orderable(Type t) {
        return !TypeResolver.mentionsFunction(t);
    }
}
