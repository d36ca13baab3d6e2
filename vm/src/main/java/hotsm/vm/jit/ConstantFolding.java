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
        if (!(a instanceof Value.Int x) || !(b instanceof Value.Int y)) return null;
        try {
            return switch (op) {
                case ADD -> JitRuntime.integer(x.value() + y.value());
                case SUB -> JitRuntime.integer(x.value() - y.value());
                case MUL -> JitRuntime.integer(x.value() * y.value());
                case DIV -> JitRuntime.integer(JitRuntime.div(x.value(), y.value()));
                case MOD -> JitRuntime.integer(JitRuntime.mod(x.value(), y.value()));
                default -> null;
            };
        } catch (RuntimeException e) {
            return null;
        }
    }
}
