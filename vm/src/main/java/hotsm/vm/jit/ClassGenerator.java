package hotsm.vm.jit;

import hotsm.vm.bytecode.Code;
import hotsm.vm.bytecode.Instruction;
import hotsm.vm.bytecode.Opcode;
import hotsm.vm.bytecode.PrimOp;
import hotsm.vm.bytecode.SharedBlock;
import hotsm.vm.value.Value;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Writes one JVM class for a code tree: one static method per distinct block
 * (the root and every CASE branch; a block shared by several CASEs once), and
 * {@link JitEntry#run} making the run's frame and stack, calling the root and
 * returning the result. The translation, one case per
 * instruction ({@code d} is the stack depth relative to the block's entry,
 * known statically because every block is stack-balanced; {@code base} is the
 * entry depth, an argument):
 *
 * <pre>
 * FST        v = ((Pair) v).first()
 * SND        v = ((Pair) v).second()
 * PUSH       s[base + d++] = v
 * SWAP       x = s[base + d - 1]; s[base + d - 1] = v; v = x
 * CONS       v = new Pair(s[base + --d], v)    (CONS then a binary PRIM: op(s[base + --d], v), no pair)
 * QUOTE c    v = k                      (a static final field of the class, set from its class data;
 *                                        CONS of two constants, FST/SND of one, arithmetic on two: a constant too)
 * INL, INR   v = JitRuntime.inl(v)      (the interpreter's shared FALSE/TRUE for units)
 * CASE l r   v = v instanceof Inl ? l(v.value, s, base + d) : r(v.value, s, base + d)
 *            (DIST then CASE: the branch gets (e, a) from v = (e, Inl a), no Inl built;
 *             CONS, DIST, CASE: x popped, the branch gets (x, a) from v = Inl a, no (x, v) built either)
 * DIST       v = JitRuntime.dist(v)
 * PRIM op    v = JitRuntime.add(v) ...     (arithmetic, inline; comparisons of two Ints inline, others via PrimOp)
 *            v = JitRuntime.prim(op, v, frame)   (any other: PrimOp.apply, the frame as its meter)
 * GET        v = frame.state           (null state: the interpreter's error)
 * PUT        frame.state = v; v = ()
 * FOLD f     (e, (acc, xs)) = v; v = acc; for x in xs: v = f((e, (v, x)), s, base + d)   (1 fuel per x after the first)
 * CALL k     v = shared_k(v, s, base + d)
 * ERROR T    throw the interpreter's error with the message in v
 * </pre>
 *
 * Around a call that reaches below its own entry (CASE, FOLD, CALL), the
 * locals holding the stack slots it can reach are stored to the array
 * before and read back after.
 *
 * A block longer than {@link #CHUNK} instructions continues in a chain of
 * methods, each called at the end of the one before with the stack offset
 * {@code base + d}.
 *
 * <p>Fuel: each straight-line segment (a block's start, or the instructions after
 * a CASE, up to and including the next CASE) charges its instruction count on
 * entry. Anything the table does not list is refused with a {@link JitRefusal}.
 */
final class ClassGenerator {
    private static final String VALUE = "hotsm/vm/value/Value";
    private static final String VALUE_D = "L" + VALUE + ";";
    private static final String PAIR = "hotsm/vm/value/Value$Pair";
    private static final String INL = "hotsm/vm/value/Value$Inl";
    private static final String INR = "hotsm/vm/value/Value$Inr";
    private static final String FRAME = "hotsm/vm/jit/JitFrame";
    private static final String PRIM_OP = "hotsm/vm/bytecode/PrimOp";
    private static final String LIST = "hotsm/vm/value/Value$ListOf";
    private static final String RUNTIME = "hotsm/vm/jit/JitRuntime";
    private static final String RESULT = "hotsm/vm/machine/Cam$Result";
    private static final String BLOCK_D = "(" + VALUE_D + "[" + VALUE_D + "IL" + FRAME + ";)" + VALUE_D;
    private static final String UNARY_D = "(" + VALUE_D + ")" + VALUE_D;
    private static final String CHARGING_D = "(" + VALUE_D + "L" + FRAME + ";)" + VALUE_D;
    /** The class's own name; defineHiddenClass adds a unique suffix. */
    static final String CLASS = "hotsm/vm/jit/CompiledCode";
    /**
     * Instructions per method: a longer block continues in another method, so
     * that no method passes HotSpot's limit for compiling it (8000 bytes of
     * bytecode; an instruction takes up to about 15).
     */
    static final int CHUNK = 150;
    // Locals of a block method: the value register, the stack array, the entry depth, the frame, a temporary,
    // a FOLD's environment and elements left,
    // a CONS's first component when CONS, DIST and CASE are fused,
    private static final int V = 0, S = 1, BASE = 2, F = 3, TEMP = 4, FOLD_ENV = 5, FOLD_REST = 6, ENV = 7, LOCALS = 8;

    /** The class bytes, the quoted constants (its class data) and how deep the stack gets. */
    record Output(byte[] bytes, List<Object> constants, int stackSize) {}

    private final Map<Code, Integer> index = new IdentityHashMap<>();
    private final Map<Code, Integer> depth = new IdentityHashMap<>();
    private final List<Code> blocks = new ArrayList<>();
    /** Quoted values and primitives, one {@code static final} field each ({@code k0}, {@code k1}, ...). */
    private final List<Object> constants = new ArrayList<>();
    private final List<SharedBlock> shared;
    private final Map<Code, Integer> reach = new IdentityHashMap<>();
    /** Whether any method touches the stack array (if none, runs need not allocate one). */
    private boolean usesArray;

    private final int chunkSize;

    private ClassGenerator(int chunkSize, List<SharedBlock> shared) {
        this.chunkSize = chunkSize;
        this.shared = shared;
    }

    /**
     * @param shared    the artifact's shared blocks, which {@code CALL} names by index
     * @param chunkSize instructions per method ({@link #CHUNK}; tests use tiny ones)
     */
    static Output generate(Code root, List<SharedBlock> shared, int chunkSize) {
        return new ClassGenerator(chunkSize, shared).run(root);
    }

    private Output run(Code root) {
        Deque<Code> work = new ArrayDeque<>();
        number(root, work);
        while (!work.isEmpty()) {
            for (Instruction i : work.pop().instructions()) {
                for (Code c : nested(i)) number(c, work);
            }
        }
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS) {
            @Override protected String getCommonSuperClass(String a, String b) {
                return a.startsWith(VALUE) && b.startsWith(VALUE) ? VALUE : "java/lang/Object";
            }
        };
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL | Opcodes.ACC_SUPER, CLASS, null,
                "java/lang/Object", new String[] {"hotsm/vm/jit/JitEntry"});
        constructor(cw);
        for (int b = 0; b < blocks.size(); b++) block(cw, b, blocks.get(b));
        int stackSize = usesArray ? maxDepth(root) : 0;
        entry(cw, stackSize);
        constantFields(cw);
        cw.visitEnd();
        byte[] bytes;
        try {
            bytes = cw.toByteArray();
        } catch (RuntimeException e) {   // MethodTooLargeException, ClassTooLargeException
            throw new JitRefusal("the code is too large for one JVM class (" + e.getMessage() + ")");
        }
        return new Output(bytes, List.copyOf(constants), stackSize);
    }

    /** The blocks an instruction runs: a CASE's branches, a FOLD's body, a CALL's shared block. */
    private List<Code> nested(Instruction i) {
        if (i instanceof Instruction.Case c) return List.of(c.left(), c.right());
        if (i instanceof Instruction.Fold f) return List.of(f.body());
        if (i instanceof Instruction.Call call) {
            if (call.block() < 0 || call.block() >= shared.size()) throw new JitRefusal("CALL of a block that does not exist");
            return List.of(shared.get(call.block()).code());
        }
        return List.of();
    }

    private void number(Code c, Deque<Code> work) {
        if (!index.containsKey(c)) {
            index.put(c, blocks.size());
            blocks.add(c);
            work.push(c);
        }
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
    private int minDepth(Code code) {
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
     * One {@code static final} field per quoted value, set in the class
     * initializer from the class data: HotSpot folds them as constants, and
     * they are all resolved when the class is initialized, off the machine
     * thread, not at the first step.
     */
    private void constantFields(ClassWriter cw) {
        if (constants.isEmpty()) return;
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_STATIC, "<clinit>", "()V", null, null);
        mv.visitCode();
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/invoke/MethodHandles", "lookup",
                "()Ljava/lang/invoke/MethodHandles$Lookup;", false);
        mv.visitLdcInsn("_");
        mv.visitLdcInsn(org.objectweb.asm.Type.getType("Ljava/util/List;"));
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/invoke/MethodHandles", "classData",
                "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/Class;)Ljava/lang/Object;", false);
        mv.visitTypeInsn(Opcodes.CHECKCAST, "java/util/List");
        mv.visitVarInsn(Opcodes.ASTORE, 0);
        for (int k = 0; k < constants.size(); k++) {
            String desc = descriptor(constants.get(k));
            cw.visitField(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_FINAL, "k" + k, desc, null, null)
                    .visitEnd();
            mv.visitVarInsn(Opcodes.ALOAD, 0);
            mv.visitLdcInsn(k);
            mv.visitMethodInsn(Opcodes.INVOKEINTERFACE, "java/util/List", "get", "(I)Ljava/lang/Object;", true);
            mv.visitTypeInsn(Opcodes.CHECKCAST, desc.substring(1, desc.length() - 1));
            mv.visitFieldInsn(Opcodes.PUTSTATIC, CLASS, "k" + k, desc);
        }
        mv.visitInsn(Opcodes.RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    private static void constructor(ClassWriter cw) {
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
        mv.visitCode();
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        mv.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        mv.visitInsn(Opcodes.RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /**
     * {@link JitEntry#run}: makes the run's frame (and its stack array, if any
     * method uses one), runs the root block and returns the result, all in the
     * generated class, so that HotSpot, inlining the blocks into it, can keep
     * the frame in registers even where the call to {@code run} itself is
     * megamorphic (a node that has run several versions).
     */
    private void entry(ClassWriter cw, int stackSize) {
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC, "run",
                "(" + VALUE_D + VALUE_D + "J)L" + RESULT + ";", null, null);
        mv.visitCode();
        // locals: 0 this, 1 argument, 2 state, 3-4 fuel, 5 frame
        mv.visitTypeInsn(Opcodes.NEW, FRAME);
        mv.visitInsn(Opcodes.DUP);
        mv.visitVarInsn(Opcodes.ALOAD, 2);
        mv.visitVarInsn(Opcodes.LLOAD, 3);
        mv.visitMethodInsn(Opcodes.INVOKESPECIAL, FRAME, "<init>", "(" + VALUE_D + "J)V", false);
        mv.visitVarInsn(Opcodes.ASTORE, 5);
        mv.visitTypeInsn(Opcodes.NEW, RESULT);
        mv.visitInsn(Opcodes.DUP);
        mv.visitVarInsn(Opcodes.ALOAD, 1);
        if (stackSize == 0) {
            mv.visitInsn(Opcodes.ACONST_NULL);
        } else {
            mv.visitLdcInsn(stackSize);
            mv.visitTypeInsn(Opcodes.ANEWARRAY, VALUE);
        }
        mv.visitInsn(Opcodes.ICONST_0);
        mv.visitVarInsn(Opcodes.ALOAD, 5);
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, CLASS, "b0", BLOCK_D, false);
        mv.visitVarInsn(Opcodes.ALOAD, 5);
        mv.visitFieldInsn(Opcodes.GETFIELD, FRAME, "state", VALUE_D);
        mv.visitMethodInsn(Opcodes.INVOKESPECIAL, RESULT, "<init>", "(" + VALUE_D + VALUE_D + ")V", false);
        mv.visitInsn(Opcodes.ARETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    private void block(ClassWriter cw, int number, Code code) {
        Emitter e = new Emitter(cw, "b" + number);
        List<Instruction> is = code.instructions();
        int chunk = 0;
        int inChunk = 0;
        for (int pc = 0; pc < is.size(); pc++) {
            if (inChunk >= chunkSize) {
                // Continue in a new method, so each stays small enough for HotSpot to compile.
                String next = "b" + number + "_" + (++chunk);
                e.spillAll();
                e.mv.visitVarInsn(Opcodes.ALOAD, V);
                e.index(e.d);
                e.mv.visitVarInsn(Opcodes.ALOAD, F);
                e.mv.visitMethodInsn(Opcodes.INVOKESTATIC, CLASS, next, BLOCK_D, false);
                e.end();
                e = new Emitter(cw, next);
                inChunk = 0;
            }
            inChunk++;
            MethodVisitor mv = e.mv;
            if (pc == 0 || is.get(pc - 1) instanceof Instruction.Case) charge(mv, segment(is, pc));
            Instruction i = is.get(pc);
            // What the value register held before this instruction, if it is a constant known here.
            Value known = e.vConst;
            e.vConst = null;
            Opcode op;
            try {
                op = Opcode.of(i);
            } catch (IllegalArgumentException ex) {
                throw new JitRefusal("an instruction the JIT does not know: " + i);
            }
            switch (op) {
                case FST -> {
                    if (known instanceof Value.Pair p) {
                        quote(e, p.first());   // a component of a constant: the constant component
                    } else {
                        project(mv, "first");
                    }
                }
                case SND -> {
                    if (known instanceof Value.Pair p) {
                        quote(e, p.second());
                    } else {
                        project(mv, "second");
                    }
                }
                case PUSH -> {
                    mv.visitVarInsn(Opcodes.ALOAD, V);
                    e.known(e.d, known);
                    e.store(e.d++);
                    e.vConst = known;
                }
                case SWAP -> {
                    e.load(e.d - 1);
                    mv.visitVarInsn(Opcodes.ALOAD, V);
                    e.store(e.d - 1);
                    mv.visitVarInsn(Opcodes.ASTORE, V);
                    e.vConst = e.known(e.d - 1, known);
                }
                case CONS -> {
                    Value x = e.known(e.d - 1, null);
                    if (x != null && known != null) {
                        // Both components are constants: so is the pair, and so is arithmetic on it.
                        e.d--;
                        Value folded = pc + 1 < is.size() && is.get(pc + 1) instanceof Instruction.Prim p
                                && inChunk < chunkSize ? fold(p.op(), x, known) : null;
                        if (folded != null) {
                            pc++;
                            inChunk++;
                            quote(e, folded);
                        } else {
                            quote(e, new Value.Pair(x, known));
                        }
                        continue;
                    }
                    e.load(--e.d);
                    if (pc + 2 < is.size() && is.get(pc + 1) instanceof Instruction.Dist
                            && is.get(pc + 2) instanceof Instruction.Case c && inChunk + 2 <= chunkSize) {
                        // CONS, DIST, CASE (a case on a Bool or a sum with the environment kept): neither the
                        // pair (x, v) nor its Inl/Inr is built; the branch gets (x, a).
                        mv.visitVarInsn(Opcodes.ASTORE, ENV);
                        branch(e, c, Fusion.CONSED);
                        pc += 2;
                        inChunk += 2;
                        continue;
                    }
                    mv.visitVarInsn(Opcodes.ALOAD, V);
                    JitRuntime.PrimHelper h = pc + 1 < is.size() && is.get(pc + 1) instanceof Instruction.Prim p
                            && inChunk < chunkSize ? JitRuntime.helper(p.op()) : null;
                    if (h != null && h.binary()) {
                        // CONS then a binary PRIM: the primitive takes the two components; no pair is built.
                        if (h.charges()) mv.visitVarInsn(Opcodes.ALOAD, F);
                        call(mv, h.method(), "(" + VALUE_D + VALUE_D + (h.charges() ? "L" + FRAME + ";" : "") + ")"
                                + VALUE_D);
                        pc++;
                        inChunk++;
                    } else {
                        call(mv, "cons", "(" + VALUE_D + VALUE_D + ")" + VALUE_D);
                    }
                }
                case QUOTE -> quote(e, ((Instruction.Quote) i).value());
                case INL -> unary(mv, "inl");
                case INR -> unary(mv, "inr");
                case CASE -> branch(e, (Instruction.Case) i, Fusion.NONE);
                case DIST -> {
                    if (pc + 1 < is.size() && is.get(pc + 1) instanceof Instruction.Case c && inChunk < chunkSize) {
                        branch(e, c, Fusion.DISTRIBUTED);   // DIST then CASE: no Inl/Inr is built
                        pc++;
                        inChunk++;
                    } else {
                        unary(mv, "dist");
                    }
                }
                case PRIM -> {
                    PrimOp primOp = ((Instruction.Prim) i).op();
                    JitRuntime.PrimHelper h = JitRuntime.helper(primOp);
                    if (h != null) {
                        mv.visitVarInsn(Opcodes.ALOAD, V);
                        if (h.charges()) mv.visitVarInsn(Opcodes.ALOAD, F);
                        mv.visitMethodInsn(Opcodes.INVOKESTATIC, RUNTIME, h.method(),
                                h.charges() ? CHARGING_D : UNARY_D, false);
                    } else {
                        constant(mv, primOp);
                        mv.visitVarInsn(Opcodes.ALOAD, V);
                        mv.visitVarInsn(Opcodes.ALOAD, F);
                        mv.visitMethodInsn(Opcodes.INVOKESTATIC, RUNTIME, "prim",
                                "(L" + PRIM_OP + ";" + VALUE_D + "L" + FRAME + ";)" + VALUE_D, false);
                    }
                    mv.visitVarInsn(Opcodes.ASTORE, V);
                }
                case ERROR -> {
                    mv.visitVarInsn(Opcodes.ALOAD, V);
                    mv.visitMethodInsn(Opcodes.INVOKESTATIC, RUNTIME, "error",
                            "(" + VALUE_D + ")Lhotsm/vm/machine/CamRuntimeError;", false);
                    mv.visitInsn(Opcodes.ATHROW);
                }
                case CALL -> {
                    Code callee = nested(i).get(0);
                    int reach = e.d + minDepth(callee);
                    e.spill(reach);
                    mv.visitVarInsn(Opcodes.ALOAD, V);
                    e.index(e.d);
                    mv.visitVarInsn(Opcodes.ALOAD, F);
                    mv.visitMethodInsn(Opcodes.INVOKESTATIC, CLASS, "b" + index.get(callee), BLOCK_D, false);
                    mv.visitVarInsn(Opcodes.ASTORE, V);
                    e.reload(reach);
                    e.forget();
                }
                case FOLD -> fold(e, ((Instruction.Fold) i).body());
                case GET -> {
                    needState(mv, "GET");
                    mv.visitVarInsn(Opcodes.ALOAD, F);
                    mv.visitFieldInsn(Opcodes.GETFIELD, FRAME, "state", VALUE_D);
                    mv.visitVarInsn(Opcodes.ASTORE, V);
                }
                case PUT -> {
                    needState(mv, "PUT");
                    mv.visitVarInsn(Opcodes.ALOAD, F);
                    mv.visitVarInsn(Opcodes.ALOAD, V);
                    mv.visitFieldInsn(Opcodes.PUTFIELD, FRAME, "state", VALUE_D);
                    mv.visitFieldInsn(Opcodes.GETSTATIC, VALUE, "UNIT", VALUE_D);
                    mv.visitVarInsn(Opcodes.ASTORE, V);
                }
                default -> throw new JitRefusal("an instruction the JIT does not know: " + op.mnemonic());
            }
        }
        e.mv.visitVarInsn(Opcodes.ALOAD, V);
        e.end();
    }

    /**
     * One method being written. Stack slots pushed in this method (relative
     * depth {@code k >= 0}) live in JVM locals, so HotSpot sees them as it
     * sees Java locals; slots below the method's entry live in the array. A
     * CASE branch or the next chunk may reach below its own entry, so the
     * locals it can reach are stored to the array before the call and read
     * back after it.
     */
    private final class Emitter {
        final MethodVisitor mv;
        int d;
        /** The constant the value register holds, if known here (QUOTE, and what is computed from quotes only). */
        Value vConst;
        /** The constants local stack slots hold, by relative depth, where known. */
        private final Map<Integer, Value> slotConst = new java.util.HashMap<>();

        /** The constant slot {@code k} holds (or null), replaced by {@code now} (null: not known). */
        Value known(int k, Value now) {
            if (k < 0) return null;   // a slot in the array: not tracked
            return now == null ? slotConst.remove(k) : slotConst.put(k, now);
        }

        /** After a call, which may have written the slots it reaches: no slot is known. */
        void forget() { slotConst.clear(); }

        Emitter(ClassWriter cw, String name) {
            mv = cw.visitMethod(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC, name, BLOCK_D, null, null);
            mv.visitCode();
        }

        /** Pushes slot {@code k}. */
        void load(int k) {
            if (k >= 0) {
                mv.visitVarInsn(Opcodes.ALOAD, LOCALS + k);
            } else {
                index(k);
                mv.visitInsn(Opcodes.AALOAD);
            }
        }

        /** Pops into slot {@code k}. */
        void store(int k) {
            if (k >= 0) {
                mv.visitVarInsn(Opcodes.ASTORE, LOCALS + k);
            } else {
                mv.visitVarInsn(Opcodes.ASTORE, TEMP);
                index(k);
                mv.visitVarInsn(Opcodes.ALOAD, TEMP);
                mv.visitInsn(Opcodes.AASTORE);
            }
        }

        /** Pushes the array and the index {@code base + k}. */
        void index(int k) {
            usesArray = true;
            mv.visitVarInsn(Opcodes.ALOAD, S);
            mv.visitVarInsn(Opcodes.ILOAD, BASE);
            if (k != 0) {
                mv.visitLdcInsn(k);
                mv.visitInsn(Opcodes.IADD);
            }
        }

        /** Local slots {@code from..d-1} to the array. */
        void spill(int from) {
            for (int k = Math.max(0, from); k < d; k++) {
                index(k);
                mv.visitVarInsn(Opcodes.ALOAD, LOCALS + k);
                mv.visitInsn(Opcodes.AASTORE);
            }
        }

        /** Local slots {@code from..d-1} back from the array. */
        void reload(int from) {
            for (int k = Math.max(0, from); k < d; k++) {
                index(k);
                mv.visitInsn(Opcodes.AALOAD);
                mv.visitVarInsn(Opcodes.ASTORE, LOCALS + k);
            }
        }

        void spillAll() { spill(0); }

        /** Returns the value on the operand stack and closes the method. */
        void end() {
            mv.visitInsn(Opcodes.ARETURN);
            mv.visitMaxs(0, 0);
            mv.visitEnd();
        }
    }

    /** Instructions from {@code pc} up to and including the next CASE, or to the end. */
    private static int segment(List<Instruction> is, int pc) {
        int end = pc;
        while (end < is.size() && !(is.get(end) instanceof Instruction.Case)) end++;
        return Math.min(end + 1, is.size()) - pc;
    }

    private static void charge(MethodVisitor mv, int units) {
        mv.visitVarInsn(Opcodes.ALOAD, F);
        mv.visitLdcInsn((long) units);
        call(mv, "charge", "(L" + FRAME + ";J)V");
    }

    private static void call(MethodVisitor mv, String method, String descriptor) {
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, RUNTIME, method, descriptor, false);
        if (!descriptor.endsWith(")V")) mv.visitVarInsn(Opcodes.ASTORE, V);
    }

    private static void unary(MethodVisitor mv, String method) {
        mv.visitVarInsn(Opcodes.ALOAD, V);
        call(mv, method, UNARY_D);
    }

    private static void project(MethodVisitor mv, String accessor) {
        mv.visitVarInsn(Opcodes.ALOAD, V);
        mv.visitTypeInsn(Opcodes.CHECKCAST, PAIR);
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, PAIR, accessor, "()" + VALUE_D, false);
        mv.visitVarInsn(Opcodes.ASTORE, V);
    }

    /** What a CASE is fused with: nothing, the DIST before it, or the CONS and DIST before it. */
    private enum Fusion {
        /** {@code CASE}: {@code v} is the sum. */
        NONE,
        /** {@code DIST; CASE}: {@code v} is the pair {@code (e, sum)}. */
        DISTRIBUTED,
        /** {@code CONS; DIST; CASE}: {@code v} is the sum, local {@code ENV} the environment. */
        CONSED
    }

    /**
     * CASE, or (fused) DIST then CASE: {@code v = (e, Inl a)} calls the left
     * branch on {@code (e, a)} without building {@code Inl (e, a)}; or CONS,
     * DIST, CASE: {@code x} popped and {@code v = Inl a} call it on {@code (x, a)}
     * without building {@code (x, Inl a)} either.
     */
    private void branch(Emitter e, Instruction.Case c, Fusion fusion) {
        MethodVisitor mv = e.mv;
        int reach = e.d + Math.min(minDepth(c.left()), minDepth(c.right()));
        e.spill(reach);
        Label right = new Label();
        Label join = new Label();
        mv.visitVarInsn(Opcodes.ALOAD, V);
        if (fusion == Fusion.DISTRIBUTED) {
            mv.visitTypeInsn(Opcodes.CHECKCAST, PAIR);
            mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, PAIR, "second", "()" + VALUE_D, false);
        }
        mv.visitTypeInsn(Opcodes.INSTANCEOF, INL);
        mv.visitJumpInsn(Opcodes.IFEQ, right);
        callBranch(e, INL, c.left(), fusion);
        mv.visitJumpInsn(Opcodes.GOTO, join);
        mv.visitLabel(right);
        callBranch(e, INR, c.right(), fusion);
        mv.visitLabel(join);
        e.reload(reach);
        e.forget();
    }

    private void callBranch(Emitter e, String side, Code target, Fusion fusion) {
        MethodVisitor mv = e.mv;
        switch (fusion) {
            case DISTRIBUTED -> {
                mv.visitVarInsn(Opcodes.ALOAD, V);
                mv.visitTypeInsn(Opcodes.CHECKCAST, PAIR);
                mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, PAIR, "first", "()" + VALUE_D, false);
                mv.visitVarInsn(Opcodes.ALOAD, V);
                mv.visitTypeInsn(Opcodes.CHECKCAST, PAIR);
                mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, PAIR, "second", "()" + VALUE_D, false);
                mv.visitTypeInsn(Opcodes.CHECKCAST, side);
                mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, side, "value", "()" + VALUE_D, false);
                mv.visitMethodInsn(Opcodes.INVOKESTATIC, RUNTIME, "cons", "(" + VALUE_D + VALUE_D + ")" + VALUE_D, false);
            }
            case CONSED -> {
                mv.visitVarInsn(Opcodes.ALOAD, ENV);
                mv.visitVarInsn(Opcodes.ALOAD, V);
                mv.visitTypeInsn(Opcodes.CHECKCAST, side);
                mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, side, "value", "()" + VALUE_D, false);
                mv.visitMethodInsn(Opcodes.INVOKESTATIC, RUNTIME, "cons", "(" + VALUE_D + VALUE_D + ")" + VALUE_D, false);
            }
            case NONE -> {
                mv.visitVarInsn(Opcodes.ALOAD, V);
                mv.visitTypeInsn(Opcodes.CHECKCAST, side);
                mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, side, "value", "()" + VALUE_D, false);
            }
        }
        e.index(e.d);
        mv.visitVarInsn(Opcodes.ALOAD, F);
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, CLASS, "b" + index.get(target), BLOCK_D, false);
        mv.visitVarInsn(Opcodes.ASTORE, V);
    }

    /** {@code v = value}, a constant the following instructions know. */
    private void quote(Emitter e, Value value) {
        constant(e.mv, value);
        e.mv.visitVarInsn(Opcodes.ASTORE, V);
        e.vConst = value;
    }

    /**
     * Arithmetic on two constants, done now ({@code 0 - 1000000} in a program
     * is computed once, not at every step): the result, or null for any other
     * primitive (comparisons charge fuel as they run) or one that fails here
     * (a division by zero fails at run time, as in the interpreter).
     */
    private static Value fold(PrimOp op, Value a, Value b) {
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

    /** Pushes a constant: a {@code static final} field of the class, set from its class data. */
    private void constant(MethodVisitor mv, Object value) {
        mv.visitFieldInsn(Opcodes.GETSTATIC, CLASS, "k" + constants.size(), descriptor(value));
        constants.add(value);
    }

    private static String descriptor(Object constant) {
        return constant instanceof PrimOp ? "L" + PRIM_OP + ";" : VALUE_D;
    }

    /**
     * {@code FOLD f: (e, (acc, [x1..xn])) -> f (e, (acc, x1)), then f (e, (result, x2)), ...}:
     * a loop calling the body's method; each element after the first costs
     * one unit of fuel (the FOLD instruction paid for the first).
     */
    private void fold(Emitter e, Code body) {
        MethodVisitor mv = e.mv;
        int reach = e.d + minDepth(body);
        e.spill(reach);
        Label loop = new Label();
        Label done = new Label();
        Label first = new Label();
        // FOLD_ENV = e; v = acc; FOLD_REST = the list, or null when empty
        mv.visitVarInsn(Opcodes.ALOAD, V);
        mv.visitTypeInsn(Opcodes.CHECKCAST, PAIR);
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, PAIR, "first", "()" + VALUE_D, false);
        mv.visitVarInsn(Opcodes.ASTORE, FOLD_ENV);
        mv.visitVarInsn(Opcodes.ALOAD, V);
        mv.visitTypeInsn(Opcodes.CHECKCAST, PAIR);
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, PAIR, "second", "()" + VALUE_D, false);
        mv.visitTypeInsn(Opcodes.CHECKCAST, PAIR);
        mv.visitVarInsn(Opcodes.ASTORE, TEMP);
        mv.visitVarInsn(Opcodes.ALOAD, TEMP);
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, PAIR, "second", "()" + VALUE_D, false);
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, RUNTIME, "rest", "(" + VALUE_D + ")L" + LIST + ";", false);
        mv.visitVarInsn(Opcodes.ASTORE, FOLD_REST);
        mv.visitVarInsn(Opcodes.ALOAD, TEMP);
        mv.visitTypeInsn(Opcodes.CHECKCAST, PAIR);
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, PAIR, "first", "()" + VALUE_D, false);
        mv.visitVarInsn(Opcodes.ASTORE, V);
        mv.visitJumpInsn(Opcodes.GOTO, first);
        mv.visitLabel(loop);
        charge(mv, 1);
        mv.visitLabel(first);
        mv.visitVarInsn(Opcodes.ALOAD, FOLD_REST);
        mv.visitJumpInsn(Opcodes.IFNULL, done);
        // v = body((e, (v, head)), s, base + d, frame); FOLD_REST = rest(tail)
        mv.visitVarInsn(Opcodes.ALOAD, FOLD_ENV);
        mv.visitVarInsn(Opcodes.ALOAD, V);
        mv.visitVarInsn(Opcodes.ALOAD, FOLD_REST);
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, LIST, "head", "()" + VALUE_D, false);
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, RUNTIME, "cons", "(" + VALUE_D + VALUE_D + ")" + VALUE_D, false);
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, RUNTIME, "cons", "(" + VALUE_D + VALUE_D + ")" + VALUE_D, false);
        e.index(e.d);
        mv.visitVarInsn(Opcodes.ALOAD, F);
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, CLASS, "b" + index.get(body), BLOCK_D, false);
        mv.visitVarInsn(Opcodes.ASTORE, V);
        mv.visitVarInsn(Opcodes.ALOAD, FOLD_REST);
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, LIST, "tail", "()L" + LIST + ";", false);
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, RUNTIME, "rest", "(" + VALUE_D + ")L" + LIST + ";", false);
        mv.visitVarInsn(Opcodes.ASTORE, FOLD_REST);
        mv.visitJumpInsn(Opcodes.GOTO, loop);
        mv.visitLabel(done);
        e.reload(reach);
        e.forget();
    }

    /** The interpreter's error for GET/PUT without a state register (pure code). */
    private static void needState(MethodVisitor mv, String op) {
        Label ok = new Label();
        mv.visitVarInsn(Opcodes.ALOAD, F);
        mv.visitFieldInsn(Opcodes.GETFIELD, FRAME, "state", VALUE_D);
        mv.visitJumpInsn(Opcodes.IFNONNULL, ok);
        mv.visitLdcInsn(op);
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, RUNTIME, "noState", "(Ljava/lang/String;)Lhotsm/vm/machine/CamRuntimeError;",
                false);
        mv.visitInsn(Opcodes.ATHROW);
        mv.visitLabel(ok);
    }
}
