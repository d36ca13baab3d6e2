package hotsm.vm.jit;

import hotsm.vm.bytecode.PrimOp;

/**
 * The names the JIT's class generator writes into bytecode: the internal
 * names and descriptors of the classes generated code touches, the generated
 * class's own name, and the JVM locals of a block method.
 */
final class JitNames {
    private JitNames() {}

    static final String VALUE = "hotsm/vm/value/Value";
    static final String VALUE_D = "L" + VALUE + ";";
    static final String PAIR = "hotsm/vm/value/Value$Pair";
    static final String INL = "hotsm/vm/value/Value$Inl";
    static final String INR = "hotsm/vm/value/Value$Inr";
    static final String FRAME = "hotsm/vm/jit/JitFrame";
    static final String PRIM_OP = "hotsm/vm/bytecode/PrimOp";
    static final String LIST = "hotsm/vm/value/Value$ListOf";
    static final String RUNTIME = "hotsm/vm/jit/JitRuntime";
    static final String RESULT = "hotsm/vm/machine/Cam$Result";
    static final String ENTRY = "hotsm/vm/jit/JitEntry";
    static final String RESIDENT = "hotsm/vm/jit/ResidentState";
    static final String INT = "hotsm/vm/value/Value$Int";
    static final String UNARY_D = "(" + VALUE_D + ")" + VALUE_D;
    /** The class's own name; defineHiddenClass adds a unique suffix. */
    static final String CLASS = "hotsm/vm/jit/CompiledCode";

    /** Locals of a block method: the stack array, the entry depth, the frame; the entry's leaves from {@link #FIRST}. */
    static final int S = 0, BASE = 1, F = 2, FIRST = 3;

    /** The frame's field of the state's {@code k}-th {@code long} or object leaf ({@link JitFrame#state}, ...). */
    static String frameLeaf(boolean isLong, int k) {
        return isLong ? "sl" + k : k == 0 ? "state" : "so" + k;
    }

    /** The resident state's field of the state's {@code k}-th leaf, or of its copy kept for an undo. */
    static String residentLeaf(boolean isLong, int k, boolean undo) {
        return (undo ? "u" : "") + (isLong ? "l" : "o") + k;
    }

    /** The type of the constant field holding {@code constant}. */
    static String descriptor(Object constant) {
        return constant instanceof PrimOp ? "L" + PRIM_OP + ";" : VALUE_D;
    }
}
