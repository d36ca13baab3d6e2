package hotsm.vm.jit;

import hotsm.vm.value.Value;

/** What a compiled class offers: its root block, run on {@code v} with an empty stack. */
public interface JitEntry {
    /**
     * @param v     the argument (the value register on entry)
     * @param stack room for the CAM stack, as deep as the code needs
     * @param frame the state register and the fuel
     * @return the value register at the end
     */
    Value run(Value v, Value[] stack, JitFrame frame);
}
