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

    static {
        // Each version brings a new class to the call in runAcrossVersions(). Seen with one class only, HotSpot
        // would compile that call for it alone and, when an upgrade brings the next, deoptimize the machine
        // thread's loop in the middle of the upgrade's gap. Two stand-ins called here first make that call site
        // polymorphic from the start.
        JitEntry identity = (v, state, fuel) -> new Cam.Result(v, state);
        JitEntry unit = (v, state, fuel) -> new Cam.Result(Value.UNIT, state);
        for (int i = 0; i < 2_000; i++) {
            new JitCode(identity).runAcrossVersions(Value.UNIT, null, 1);
            new JitCode(unit).runAcrossVersions(Value.UNIT, null, 1);
        }
    }

    JitCode(JitEntry entry) {
        this.entry = entry;
    }

    /** Runs the root block with {@code v = argument}, an empty stack and {@code st = state}. */
    public Cam.Result run(Value argument, Value state, long fuel) {
        try {
            return entry.run(argument, state, fuel);
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
