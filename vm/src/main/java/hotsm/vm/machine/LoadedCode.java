package hotsm.vm.machine;

import hotsm.vm.bytecode.Code;
import hotsm.vm.bytecode.Instruction;
import hotsm.vm.bytecode.Opcode;
import hotsm.vm.bytecode.SharedBlock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link Code} block flattened for the interpreter: an array of opcode bytes
 * and a parallel array of operands (the quoted value, the two branches of a
 * CASE, the body of a FOLD, the block a CALL runs, the primitive), read from
 * the operand column of {@link Opcode}'s table. Load once,
 * run many times. Loading uses a work list, not recursion, and loads a block
 * shared by several CASEs, or a shared block called from several places, once.
 */
public final class LoadedCode {
    int[] ops;
    Object[] operands;
    private final Code source;

    private LoadedCode(Code source) { this.source = source; }

    /** Loads a block that calls no shared block. */
    public static LoadedCode load(Code root) {
        return load(root, List.of());
    }

    /**
     * Loads a block and the shared blocks its {@code CALL}s name.
     *
     * @param shared the artifact's shared blocks ({@code CALL k} runs {@code shared.get(k)})
     */
    public static LoadedCode load(Code root, List<SharedBlock> shared) {
        Map<Code, LoadedCode> loaded = new IdentityHashMap<>();
        Deque<LoadedCode> work = new ArrayDeque<>();
        LoadedCode[] blocks = new LoadedCode[shared.size()]; // loaded when first called, so only the reachable ones
        LoadedCode result = shell(root, loaded, work);
        while (!work.isEmpty()) work.pop().fill(loaded, work, shared, blocks);
        return result;
    }

    private static LoadedCode shell(Code code, Map<Code, LoadedCode> loaded, Deque<LoadedCode> work) {
        LoadedCode l = loaded.get(code);
        if (l == null) {
            l = new LoadedCode(code);
            loaded.put(code, l);
            work.push(l);
        }
        return l;
    }

    private void fill(Map<Code, LoadedCode> loaded, Deque<LoadedCode> work, List<SharedBlock> shared, LoadedCode[] blocks) {
        int n = source.instructions().size();
        int[] ops = new int[n];
        Object[] operands = new Object[n];
        for (int pc = 0; pc < n; pc++) {
            Instruction i = source.instructions().get(pc);
            Opcode op = Opcode.of(i);
            ops[pc] = op.code();
            // What the CAM reads at run time: values, primitives and loaded blocks (not shapes); one
            // operand as itself, several blocks as an array (CASE's branches).
            List<Object> runtime = new java.util.ArrayList<>(2);
            List<Object> values = i.operands();
            for (int k = 0; k < values.size(); k++) {
                Object x = values.get(k);
                switch (op.operands().get(k).kind()) {
                    case SHAPE -> { }
                    case VALUE, PRIM -> runtime.add(x);
                    case BLOCK -> runtime.add(shell((Code) x, loaded, work));
                    case INDEX -> {
                        int index = (Integer) x;
                        if (index < blocks.length && blocks[index] == null) {
                            blocks[index] = shell(shared.get(index).code(), loaded, work);
                        }
                        runtime.add(index < blocks.length ? blocks[index] : null); // null: unverified code, fails when run
                    }
                }
            }
            if (runtime.size() == 1) operands[pc] = runtime.get(0);
            else if (runtime.size() > 1) operands[pc] = runtime.toArray(new LoadedCode[0]);
        }
        this.operands = operands;
        this.ops = ops;
    }

    /** The block this was loaded from. */
    public Code code() { return source; }
}
