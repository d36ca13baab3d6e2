package hotsm.compiler.desugar;

import hotsm.compiler.ir.IrInterpreter;
import hotsm.compiler.ir.IrRuntimeError;
import hotsm.compiler.ir.MachineIr;
import hotsm.compiler.ir.Term;
import hotsm.compiler.syntax.Decl;
import hotsm.compiler.types.Typed;
import hotsm.vm.types.TypeDesc;
import hotsm.vm.value.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Typed program to IR, without {@code arr}: every machine step, migration,
 * adapter and closed expression becomes a {@link Term} of the fixed set of
 * LANGUAGE.md §8. Functions are inlined at each use and specialised to its
 * types; patterns become decision trees over {@code Dist}/{@code Case};
 * arrow notation threads an environment of nested pairs; the state is the
 * machine's register, reached only through {@code Get}/{@code Put}.
 *
 * <p>An {@code upgrade X -> m} is attached to {@code m}, a
 * {@code downgrade m -> X} to {@code m}. The {@link MachineIr} an upgrade or
 * downgrade section refers to is that machine without sections of its own
 * (its identity does not depend on them, and this keeps the graph finite).
 */
public final class Desugarer {
    private final Typed.Program program;
    private final Map<String, Typed.Function> all;
    private final Map<String, MachineIr> bare = new HashMap<>();
    private final Map<String, MachineIr> full = new HashMap<>();

    public Desugarer(Typed.Program program) {
        this.program = program;
        this.all = new HashMap<>(program.functions());
        for (Typed.Machine m : program.machines().values()) all.putAll(m.locals());
    }

    /** Every machine of the program by qualified name, in the program's order. */
    public Map<String, MachineIr> machines() {
        Map<String, MachineIr> out = new LinkedHashMap<>();
        for (String name : program.machines().keySet()) out.put(name, machine(name));
        return out;
    }

    /** The machine {@code Module.name} with its upgrade and downgrade sections. */
    public MachineIr machine(String qualifiedName) {
        MachineIr done = full.get(qualifiedName);
        if (done != null) return done;
        MachineIr base = bareMachine(qualifiedName);
        List<MachineIr.UpgradeIr> ups = new ArrayList<>();
        List<MachineIr.DowngradeIr> downs = new ArrayList<>();
        for (Typed.Upgrade u : program.upgrades()) {
            if (u.direction() == Decl.Direction.UPGRADE && u.to().equals(qualifiedName)) {
                ups.add(new MachineIr.UpgradeIr(bareMachine(u.from()), migration(u.state()),
                        Optional.ofNullable(u.input()).map(this::pure), Optional.ofNullable(u.output()).map(this::pure)));
            } else if (u.direction() == Decl.Direction.DOWNGRADE && u.from().equals(qualifiedName)) {
                downs.add(new MachineIr.DowngradeIr(bareMachine(u.to()), migration(u.state())));
            }
        }
        MachineIr m = new MachineIr(base.name(), base.input(), base.output(), base.state(),
                base.initialState(), base.step(), ups, downs);
        full.put(qualifiedName, m);
        return m;
    }

    /** A closed expression as a term {@code () -> T}. */
    public Term expression(Typed.Expr closed) {
        return new Lowering(inliner(closed), erasure()).closed(closed);
    }

    /** The functions {@code root} reaches, shared or inlined by how often its code uses them. */
    private Inliner inliner(Object root) { return new Inliner(all, UseCounter.count(all, root)); }

    /** The value of a closed expression; throws {@link DesugarError} when it fails (division by zero). */
    public Value evaluate(Typed.Expr closed) {
        try {
            return IrInterpreter.run(expression(closed), Value.UNIT, null).value();
        } catch (IrRuntimeError e) {
            throw new DesugarError(closed.pos(), e.getMessage());
        }
    }

    private Erasure erasure() { return new Erasure(program.dataTypes(), Map.of()); }

    private Term pure(Typed.Proc proc) { return new Lowering(inliner(proc), erasure()).proc(proc); }

    private Term migration(Typed.Proc proc) { return proc == null ? Term.ID : pure(proc); }

    private MachineIr bareMachine(String qualifiedName) {
        MachineIr done = bare.get(qualifiedName);
        if (done != null) return done;
        Typed.Machine m = program.machines().get(qualifiedName);
        if (m == null) throw new IllegalStateException("unknown machine " + qualifiedName);
        Value initial;
        try {
            initial = evaluate(m.initialState());
        } catch (DesugarError e) {
            throw new DesugarError(e.pos(), "the initial state of machine " + m.name() + " cannot be computed: " + e.getMessage());
        }
        var types = program.dataTypes();
        TypeDesc input = writable(m, "input", TypeDescs.of(m.input(), types));
        TypeDesc output = writable(m, "output", TypeDescs.of(m.output(), types));
        TypeDesc state = writable(m, "state", TypeDescs.of(m.state(), types));
        MachineIr ir = new MachineIr(qualifiedName, input, output, state, initial, pure(m.step()), List.of(), List.of());
        bare.put(qualifiedName, ir);
        return ir;
    }

    /** A machine type too large to write into an artifact is an error at the machine, not a failure later. */
    private static TypeDesc writable(Typed.Machine m, String role, TypeDesc t) {
        if (TypeDescs.writtenParts(t, TypeDescs.MAX_WRITTEN_PARTS) > TypeDescs.MAX_WRITTEN_PARTS) {
            throw new DesugarError(m.pos(), "the " + role + " type of machine " + m.name() + " takes more than "
                    + TypeDescs.MAX_WRITTEN_PARTS + " parts to write out (each level of a data type like Maybe"
                    + " repeats its argument, so deep nesting doubles it); nest it less deeply");
        }
        return t;
    }
}
