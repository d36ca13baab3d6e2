package hotsm.vm.jit;

import hotsm.vm.machine.Cam;
import hotsm.vm.value.Value;

/**
 * A code tree compiled to a JVM class. {@link #run} is {@link Cam#run} for
 * code that finishes; when it throws (an error, or fuel that a segment's
 * up-front charge overdrew) the caller runs the interpreter instead, as
 * {@link StepCode} does. Its call into the class sees the classes its callers
 * run: with one, HotSpot inlines the whole run into the caller and the
 * {@link Cam.Result} and frame never reach the heap. Machines' steps run
 * through the class's other entry, from a {@link ResidentState}.
 */
public final class JitCode {
    /** The compiled class ({@link ResidentState}s call its step entry directly). */
    final JitEntry entry;
    /** How the class keeps the state ({@link Layout#forState}). */
    final Layout stateLayout;

    JitCode(JitEntry entry, Layout stateLayout) {
        this.entry = entry;
        this.stateLayout = stateLayout;
    }

    /** Runs the root block with {@code v = argument}, an empty stack and {@code st = state}. */
    public Cam.Result run(Value argument, Value state, long fuel) {
        try {
            return entry.run(argument, state, fuel);
        } catch (hotsm.vm.bytecode.PrimFailure e) {
            throw new hotsm.vm.machine.CamRuntimeError(e.getMessage());   // as the interpreter reports it
        }
    }
}
