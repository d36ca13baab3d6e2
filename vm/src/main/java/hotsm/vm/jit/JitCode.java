package hotsm.vm.jit;

import hotsm.vm.machine.Cam;
import hotsm.vm.value.Value;

/**
 * A code tree compiled to a JVM class. {@link #run} is {@link Cam#run} for
 * code that finishes; when it throws (an error, or fuel that a segment's
 * up-front charge overdrew) the caller runs the interpreter instead, as
 * {@link StepCode} does.
 *
 * <p>Two entry points, which differ only in what HotSpot sees at their call
 * into the compiled class. {@link #run}'s call sees the classes its callers
 * run: with one (a benchmark) HotSpot inlines the
 * whole step into the caller and the {@link Cam.Result} and frame never
 * reach the heap. {@link #runAcrossVersions}'s call is made polymorphic when
 * this class is initialised, so a node's machine thread, which meets a new
 * class with every upgrade, is never deoptimised in the middle of an
 * upgrade's reply gap; a step through it allocates its result.
 */
public final class JitCode {
    private final JitEntry entry;

    /** The stand-ins: the identity and a constant, on any state. */
    private static final JitCode[] STAND_INS = {new JitCode(new StandIn(false), Layout.OBJ), new JitCode(new StandIn(true), Layout.OBJ)};

    static {
        // Each version brings a new class to the calls in runAcrossVersions() and step(). Seen with one class
        // only, HotSpot would compile those calls for it alone and, when an upgrade brings the next, deoptimize
        // the machine thread's loop in the middle of the upgrade's gap. Two stand-ins called here first make
        // those call sites polymorphic from the start.
        ResidentState none = new ResidentState(null, Layout.OBJ, false, Value.UNIT);
        for (int i = 0; i < 2_000; i++) {
            for (JitCode standIn : STAND_INS) {
                standIn.runAcrossVersions(Value.UNIT, null, 1);
                standIn.step(Value.UNIT, none, 1);
            }
        }
    }

    private record StandIn(boolean unit) implements JitEntry {
        @Override public Cam.Result run(Value v, Value state, long fuel) {
            return new Cam.Result(unit ? Value.UNIT : v, state);
        }

        @Override public Value step(Value v, ResidentState resident, long fuel) {
            return unit ? Value.UNIT : v;
        }
    }

    JitCode(JitEntry entry, Layout stateLayout) {
        this.entry = entry;
        this.stateLayout = stateLayout;
    }

    /** How the class keeps the state ({@link Layout#forState}). */
    final Layout stateLayout;

    /** Runs the root block with {@code v = argument}, an empty stack and {@code st = state}. */
    public Cam.Result run(Value argument, Value state, long fuel) {
        try {
            return entry.run(argument, state, fuel);
        } catch (hotsm.vm.bytecode.PrimFailure e) {
            throw new hotsm.vm.machine.CamRuntimeError(e.getMessage());   // as the interpreter reports it
        }
    }

    /**
     * A step from and to {@code resident} ({@link JitEntry#step}): what a
     * node's machine thread runs for every version, so its call into the
     * class is polymorphic from the start, like {@link #runAcrossVersions}'s.
     */
    public Value step(Value argument, ResidentState resident, long fuel) {
        try {
            return entry.step(argument, resident, fuel);
        } catch (hotsm.vm.bytecode.PrimFailure e) {
            throw new hotsm.vm.machine.CamRuntimeError(e.getMessage());   // as the interpreter reports it
        }
    }

    /** As {@link #run}, from the call site a node's machine thread uses for every version (see above). */
    public Cam.Result runAcrossVersions(Value argument, Value state, long fuel) {
        try {
            return entry.run(argument, state, fuel);
        } catch (hotsm.vm.bytecode.PrimFailure e) {
            throw new hotsm.vm.machine.CamRuntimeError(e.getMessage());   // as the interpreter reports it
        }
    }
}
