package hotsm.vm.jit;

import hotsm.vm.bytecode.PrimOp;
import hotsm.vm.value.Value;

/** The JIT's folding of arithmetic on two quoted constants at generation time. */
final class ConstantFolding {
    private ConstantFolding() {}

    /**
     * Arithmetic on two constants, done now ({@code 0 - 1000000} in a program
     * is computed once, not at every step): the result, or null for any other
     * primitive (comparisons charge fuel as they run) or one that fails here
     * (a division by zero fails at run time, as in the interpreter).
     */
    static Value fold(PrimOp op, Value a, Value b) {
        JitRuntime.PrimHelper h = JitRuntime.helper(op);
        if (h == null || !h.binary() || h.charges() || !(a instanceof Value.Int) || !(b instanceof Value.Int)) return null;
        try {
            return switch (op) {
                case ADD -> JitRuntime.add(a, b);
                case SUB -> JitRuntime.sub(a, b);
                case MUL -> JitRuntime.mul(a, b);
                case DIV -> JitRuntime.div(a, b);
                case MOD -> JitRuntime.mod(a, b);
                default -> null;
            };
        } catch (RuntimeException e) {
            return null;
        }
    }
}
