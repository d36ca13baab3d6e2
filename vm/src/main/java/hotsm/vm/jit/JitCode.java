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

    JitCode(JitEntry entry, int stackSize) {
        this.entry = entry;
        this.stackSize = stackSize;
    }

    /** Runs the root block with {@code v = argument}, an empty stack and {@code st = state}. */
    public Cam.Result run(Value argument, Value state, long fuel) {
        JitFrame frame = new JitFrame(state, fuel);
        Value v = entry.run(argument, stackSize == 0 ? NO_STACK : new Value[stackSize], frame);
        return new Cam.Result(v, frame.state);
    }
}
