package hotsm.vm.jit;

import static hotsm.vm.jit.JitNames.*;

import hotsm.vm.bytecode.Code;
import hotsm.vm.bytecode.Instruction;
import hotsm.vm.bytecode.SharedBlock;
import hotsm.vm.value.Value;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/**
 * Writes one JVM class for a code tree: one static method per block (the
 * root, every CASE branch, FOLD body and shared block a CALL names) and
 * layout it is entered with ({@link MethodKey}), and {@link JitEntry#run}
 * and {@link JitEntry#step} making the run's frame and stack, calling the
 * root and returning the result. {@link Translation} translates the instructions; this class keeps
 * what the whole class shares: the methods asked for, the constants, and
 * the layouts blocks leave their results in.
 *
 * <p>Values stay unbuilt ({@link Rep}) within a method and cross method
 * boundaries in {@link Layout}s: a CALL's argument and result in the layout
 * of the shared block's declared shapes (pairs as components, {@code Int}s
 * as {@code long}s); a CASE branch's argument in the layout the caller has
 * it in, its result in one both branches fit (learnt by translating each
 * branch dry first); the root's and a FOLD body's as objects. A small
 * branch ({@link #inlineSize}) is written inline instead of called.
 *
 * <p>A block longer than {@link #CHUNK} instructions continues in another
 * method, called at the end of the one before with the stack slots pushed so
 * far in the array and the stack offset {@code base + d}.
 */
final class ClassGenerator {
    /**
     * Instructions per method: a longer block continues in another method, so
     * that no method passes HotSpot's limit for compiling it (8000 bytes of
     * bytecode; an instruction takes up to about 15).
     */
    static final int CHUNK = 150;

    /** The class bytes, the quoted constants (its class data) and how deep the stack gets. */
    record Output(byte[] bytes, List<Object> constants, int stackSize) {}

    private final Map<Code, Integer> depth = new IdentityHashMap<>();
    private final Map<Code, Integer> reach = new IdentityHashMap<>();
    /** Quoted values and primitives, one {@code static final} field each ({@code k0}, {@code k1}, ...). */
    private final List<Object> constants = new ArrayList<>();
    private final Map<Object, Integer> constantIndex = new HashMap<>();
    private final Map<MethodKey, String> names = new HashMap<>();
    private final Deque<MethodKey> pending = new ArrayDeque<>();
    private final Map<MethodKey, Layout> results = new HashMap<>();
    final List<SharedBlock> shared;
    final int chunkSize;
    /**
     * How the state register is kept ({@link Layout#forState}): one object
     * (and pure code), or leaves of the frame that GET reads and PUT writes,
     * so that a resident state ({@link ResidentState}) is never built.
     */
    final Layout stateLayout;
    /** Whether any method touches the stack array (if none, runs need not allocate one). */
    boolean usesArray;

    private ClassGenerator(int chunkSize, List<SharedBlock> shared, Layout stateLayout) {
        this.chunkSize = chunkSize;
        this.shared = shared;
        this.stateLayout = stateLayout;
    }

    /**
     * @param shared    the artifact's shared blocks, which {@code CALL} names by index
     * @param chunkSize instructions per method ({@link #CHUNK}; tests use tiny ones)
     * @param stateLayout how the state register is kept ({@link Layout#forState})
     */
    static Output generate(Code root, List<SharedBlock> shared, int chunkSize, Layout stateLayout) {
        return new ClassGenerator(chunkSize, shared, stateLayout).run(root);
    }

    private Output run(Code root) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS) {
            @Override protected String getCommonSuperClass(String a, String b) {
                return a.startsWith(VALUE) && b.startsWith(VALUE) ? VALUE : "java/lang/Object";
            }
        };
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL | Opcodes.ACC_SUPER, CLASS, null,
                ENTRY, null);
        FixedMembers.constructor(cw);
        MethodKey main = new MethodKey(root, 0, Layout.OBJ, Layout.OBJ);
        String mainName = method(main, false);
        while (!pending.isEmpty()) {
            MethodKey k = pending.poll();
            BlockEmitter e = new BlockEmitter(this, cw, names.get(k), k);
            new Translation(this, e).block(k.code(), k.pc(), k.ret());
        }
        int stackSize = usesArray ? maxDepth(root) : 0;
        FixedMembers.entry(this, cw, stackSize, mainName, main.descriptor());
        FixedMembers.step(this, cw, stackSize, mainName, main.descriptor());
        FixedMembers.constantFields(cw, constants);
        cw.visitEnd();
        byte[] bytes;
        try {
            bytes = cw.toByteArray();
        } catch (RuntimeException e) {   // MethodTooLargeException, ClassTooLargeException
            throw new JitRefusal("the code is too large for one JVM class (" + e.getMessage() + ")");
        }
        return new Output(bytes, List.copyOf(constants), stackSize);
    }

    /** The name of {@code key}'s method, asked for (written later) unless {@code dry}. */
    String method(MethodKey key, boolean dry) {
        String name = names.get(key);
        if (name != null) return name;
        if (dry) return "dry";
        name = "m" + names.size();
        names.put(key, name);
        pending.add(key);
        return name;
    }

    /**
     * The layout {@code code} from {@code pc} leaves its result in when
     * entered in {@code entry}: its instructions translated dry, once.
     */
    Layout result(Code code, int pc, Layout entry) {
        MethodKey key = new MethodKey(code, pc, entry, null);
        Layout known = results.get(key);
        if (known != null) return known;
        Layout r = new Translation(this, new BlockEmitter(this, entry)).block(code, pc, null);
        results.put(key, r);
        return r;
    }

    /** The blocks an instruction runs: a CASE's branches, a FOLD's body, a CALL's shared block. */
    List<Code> nested(Instruction i) {
        if (i instanceof Instruction.Case c) return List.of(c.left(), c.right());
        if (i instanceof Instruction.Fold f) return List.of(f.body());
        if (i instanceof Instruction.Call call) return List.of(block(call.block()).code());
        return List.of();
    }

    SharedBlock block(int k) {
        if (k < 0 || k >= shared.size()) throw new JitRefusal("CALL of a block that does not exist");
        return shared.get(k);
    }

    /** The deepest the stack gets, relative to the block's entry, while it runs (branches included). */
    private int maxDepth(Code code) {
        Integer known = depth.get(code);
        if (known != null) return known;
        int d = 0;
        int max = 0;
        for (Instruction i : code.instructions()) {
            if (i instanceof Instruction.Push) d++;
            else if (i instanceof Instruction.Cons) d--;
            else for (Code c : nested(i)) max = Math.max(max, d + maxDepth(c));
            max = Math.max(max, d);
        }
        depth.put(code, max);
        return max;
    }

    /** The lowest stack slot a block touches, relative to its entry (0 or negative), its branches included. */
    int minDepth(Code code) {
        Integer known = reach.get(code);
        if (known != null) return known;
        int d = 0;
        int min = 0;
        for (Instruction i : code.instructions()) {
            if (i instanceof Instruction.Push) {
                d++;
            } else if (i instanceof Instruction.Cons) {
                d--;
                min = Math.min(min, d);
            } else if (i instanceof Instruction.Swap) {
                min = Math.min(min, d - 1);
            } else {
                for (Code c : nested(i)) min = Math.min(min, d + minDepth(c));
            }
        }
        reach.put(code, min);
        return min;
    }

    /**
     * Instructions of a branch written inline in its caller's method, not
     * called: a branch of up to this many (its own inline branches included,
     * a called one counting one), which never reaches below its entry.
     */
    static final int INLINE = 32;

    private final Map<Code, Integer> inlineSizes = new IdentityHashMap<>();

    /**
     * How many instructions {@code arm} adds to its caller's method when
     * written inline, or -1 if it is to be called: it reaches below its entry
     * (the caller's slots would have to be merged after the branches) or is
     * larger than {@link #INLINE}.
     */
    int inlineSize(Code arm) {
        Integer known = inlineSizes.get(arm);
        if (known != null) return known;
        int size = 0;
        for (Instruction i : arm.instructions()) {
            size++;
            if (i instanceof Instruction.Case c) {
                for (Code b : List.of(c.left(), c.right())) size += Math.max(1, inlineSize(b));
            }
        }
        int r = minDepth(arm) < 0 || size > INLINE ? -1 : size;
        inlineSizes.put(arm, r);
        return r;
    }

    /** Pushes a constant: a {@code static final} field of the class, set from its class data. */
    void constant(BlockEmitter e, Object value) {
        if (value == Value.UNIT) {
            e.mv.visitFieldInsn(Opcodes.GETSTATIC, VALUE, "UNIT", VALUE_D);
            return;
        }
        if (e.dry) return;
        Integer k = constantIndex.get(value);
        if (k == null) {
            k = constants.size();
            constants.add(value);
            constantIndex.put(value, k);
        }
        e.mv.visitFieldInsn(Opcodes.GETSTATIC, CLASS, "k" + k, descriptor(value));
    }
}
