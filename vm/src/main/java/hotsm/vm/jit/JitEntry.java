package hotsm.vm.jit;

import hotsm.vm.machine.Cam;
import hotsm.vm.value.Value;

/**
 * What a compiled class offers: a whole run of its code tree. The class makes
 * the run's {@link JitFrame} and stack itself, so that they stay inside it
 * (HotSpot can keep them in registers) however many classes the caller sees.
 */
public interface JitEntry {
    /**
     * @param argument the argument (the value register on entry)
     * @param state    the state register ({@code null} in pure code)
     * @param fuel     the fuel the run may use
     * @return the value register and the state register at the end
     */
    Cam.Result run(Value argument, Value state, long fuel);
}
