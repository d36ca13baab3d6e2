package hotsm.vm.jit;

import static hotsm.vm.jit.JitNames.*;
import static hotsm.vm.jit.StraightOps.*;

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
    /**
     * Instructions per method: a longer block continues in another method, so
     * that no method passes HotSpot's limit for compiling it (8000 bytes of
     * bytecode; an instruction takes up to about 15).
     */
    static final int CHUNK = 150;

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
    boolean usesArray;

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
        FixedMembers.constructor(cw);
        for (int b = 0; b < blocks.size(); b++) block(cw, b, blocks.get(b));
        int stackSize = usesArray ? maxDepth(root) : 0;
        FixedMembers.entry(cw, stackSize);
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

    private void block(ClassWriter cw, int number, Code code) {
        BlockEmitter e = new BlockEmitter(this, cw, "b" + number);
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
                e = new BlockEmitter(this, cw, next);
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
                                && inChunk < chunkSize ? ConstantFolding.fold(p.op(), x, known) : null;
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

    /** Instructions from {@code pc} up to and including the next CASE, or to the end. */
    private static int segment(List<Instruction> is, int pc) {
        int end = pc;
        while (end < is.size() && !(is.get(end) instanceof Instruction.Case)) end++;
        return Math.min(end + 1, is.size()) - pc;
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
    private void branch(BlockEmitter e, Instruction.Case c, Fusion fusion) {
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

    private void callBranch(BlockEmitter e, String side, Code target, Fusion fusion) {
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
    private void quote(BlockEmitter e, Value value) {
        constant(e.mv, value);
        e.mv.visitVarInsn(Opcodes.ASTORE, V);
        e.vConst = value;
    }

    /** FOLD: the loop calling the body's block method (see {@link FoldLoop}). */
    private void fold(BlockEmitter e, Code body) {
        FoldLoop.emit(e, minDepth(body), "b" + index.get(body));
    }

    /** Pushes a constant: a {@code static final} field of the class, set from its class data. */
    private void constant(MethodVisitor mv, Object value) {
        mv.visitFieldInsn(Opcodes.GETSTATIC, CLASS, "k" + constants.size(), descriptor(value));
        constants.add(value);
    }
}
