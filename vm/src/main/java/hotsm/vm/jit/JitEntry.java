package hotsm.vm.jit;

import hotsm.vm.machine.Cam;
import hotsm.vm.value.Value;

/**
 * What a compiled class offers: a whole run of its code tree, on a state
 * given as a {@link Value} or kept in a {@link ResidentState}. The class makes
 * the run's {@link JitFrame} and stack itself, so that they stay inside it
 * (HotSpot can keep them in registers) however many classes the caller sees.
 * An abstract class, not an interface: a node's call into it is polymorphic
 * ({@link JitCode}), and a virtual call through a class's vtable is cheaper
 * than an interface's look-up.
 */
public abstract class JitEntry {
    JitEntry() {}

    /**
     * @param argument the argument (the value register on entry)
     * @param state    the state register ({@code null} in pure code)
     * @param fuel     the fuel the run may use
     * @return the value register and the state register at the end
     */
    public abstract Cam.Result run(Value argument, Value state, long fuel);

    /**
     * A step from and to a resident state: reads its state, leaves the new
     * one there (the one read in its undo copy) and returns the output. When
     * it throws, it has written nothing.
     *
     * @param argument the argument (the value register on entry)
     * @param resident the state, in the layout the class was compiled for
     * @param fuel     the fuel the run may use
     * @return the value register at the end
     */
    public abstract Value step(Value argument, ResidentState resident, long fuel);
}
