package hotsm.vm.jit;

import hotsm.vm.machine.Cam;
import hotsm.vm.value.Value;

/**
 * A code tree compiled to a JVM class. {@link #run} is {@link Cam#run} for
 * code that finishes; when it throws (an error, or fuel that a segment's
 * up-front charge overdrew) the caller runs the interpreter instead, as
 * {@link StepCode} does.
 */
public final class JitCode {
    private static final Value[] NO_STACK = new Value[0];

    private final JitEntry entry;
    private final int stackSize;

    static {
        // Each version brings a new class to the call in run(). Seen with one class only, HotSpot would compile
        // that call for it alone and, when an upgrade brings the next, deoptimize the machine thread's loop in the
        // middle of the upgrade's gap. Two stand-ins called here first make the call site polymorphic from the start.
        JitEntry identity = (v, stack, frame) -> v;
        JitEntry unit = (v, stack, frame) -> Value.UNIT;
        for (int i = 0; i < 2_000; i++) {
            new JitCode(identity, 0).run(Value.UNIT, null, 1);
            new JitCode(unit, 0).run(Value.UNIT, null, 1);
        }
    }

    JitCode(JitEntry entry, int stackSize) {
        this.entry = entry;
        this.stackSize = stackSize;
    }

    /** Runs the root block with {@code v = argument}, an empty stack and {@code st = state}. */
    public Cam.Result run(Value argument, Value state, long fuel) {
        JitFrame frame = new JitFrame(state, fuel);
        Value v;
        try {
            v = entry.run(argument, stackSize == 0 ? NO_STACK : new Value[stackSize], frame);
        } catch (hotsm.vm.bytecode.PrimFailure e) {
            throw new hotsm.vm.machine.CamRuntimeError(e.getMessage());   // as the interpreter reports it
        }
        return new Cam.Result(v, frame.state);
    }
}
