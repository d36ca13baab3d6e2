package hotsm.vm.jit;

import hotsm.vm.machine.Cam;
import hotsm.vm.value.Value;

/**
 * {@code -Dhotsm.jit.polymorphic=true}: the call into the compiled class in
 * {@link ResidentState#step} is made polymorphic before any machine steps
 * (two stand-in classes called through it first, when {@link StepCode} is
 * initialised), so an upgrade's new class never deoptimises a node's machine
 * thread in its reply gap, and every step pays a virtual call: Counter1 about
 * 4.9 ns a step instead of 1.9 (thread CPU time, {@code hotsm.bench.VmCpuTime}).
 * By default the call is left to HotSpot's profile: with the one class a
 * machine runs (a benchmark, a node between upgrades) the whole step is
 * inlined into its caller; a node's first upgrades bring new classes to it,
 * and HotSpot recompiles the caller, a deoptimisation of the machine thread
 * in the gap (docs/performance.md, "The JIT tier").
 */
final class PolymorphicSteps {
    private PolymorphicSteps() {}

    static final boolean ENABLED = Boolean.getBoolean("hotsm.jit.polymorphic");

    /** Calls two stand-in classes through {@link ResidentState#step}, if {@link #ENABLED}. */
    static void prepare() {
        if (!ENABLED) return;
        ResidentState[] standIns = {new ResidentState(null, Layout.OBJ, Identity.make(), Value.UNIT),
                new ResidentState(null, Layout.OBJ, Constant.make(), Value.UNIT)};
        for (int i = 0; i < 2_000; i++) {
            for (ResidentState r : standIns) r.step(Value.UNIT, 1);
        }
    }

    // Two classes: type profiles count classes, not objects. Made by their own factories, so that verifying
    // prepare() does not load them: while JitEntry has one subclass loaded, HotSpot calls it without a check.
    private static final class Identity extends JitEntry {
        static JitEntry make() { return new Identity(); }

        @Override public Cam.Result run(Value v, Value state, long fuel) { return new Cam.Result(v, state); }

        @Override public Value step(Value v, ResidentState resident, long fuel) { return v; }
    }

    private static final class Constant extends JitEntry {
        static JitEntry make() { return new Constant(); }

        @Override public Cam.Result run(Value v, Value state, long fuel) { return new Cam.Result(Value.UNIT, state); }

        @Override public Value step(Value v, ResidentState resident, long fuel) { return Value.UNIT; }
    }
}
