package hotsm.vm.jit;

import hotsm.vm.bytecode.Code;
import hotsm.vm.bytecode.Instruction;
import hotsm.vm.bytecode.Opcode;
import hotsm.vm.value.Value;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Writes one JVM class for a code tree: one static method per distinct block
 * (the root and every CASE branch; a block shared by several CASEs once), and
 * {@link JitEntry#run} calling the root. The translation, one case per
 * instruction ({@code d} is the stack depth relative to the block's entry,
 * known statically because every block is stack-balanced; {@code base} is the
 * entry depth, an argument):
 *
 * <pre>
 * FST        v = ((Pair) v).first()
 * SND        v = ((Pair) v).second()
 * PUSH       s[base + d++] = v
 * SWAP       x = s[base + d - 1]; s[base + d - 1] = v; v = x
 * CONS       v = new Pair(s[base + --d], v)
 * QUOTE c    v = c                      (a constant of the class: ldc of a dynamic constant from its class data)
 * INL, INR   v = JitRuntime.inl(v)      (the interpreter's shared FALSE/TRUE for units)
 * CASE l r   v = v instanceof Inl ? l(v.value, s, base + d) : r(v.value, s, base + d)
 * DIST       v = JitRuntime.dist(v)
 * PRIM op    v = JitRuntime.op(v[, frame])   (the frame when the primitive charges fuel)
 * GET        v = frame.state           (null state: the interpreter's error)
 * PUT        frame.state = v; v = ()
 * </pre>
 *
 * Fuel: each straight-line segment (a block's start, or the instructions after
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
    private static final String RUNTIME = "hotsm/vm/jit/JitRuntime";
    private static final String BLOCK_D = "(" + VALUE_D + "[" + VALUE_D + "IL" + FRAME + ";)" + VALUE_D;
    private static final String UNARY_D = "(" + VALUE_D + ")" + VALUE_D;
    private static final String CHARGING_D = "(" + VALUE_D + "L" + FRAME + ";)" + VALUE_D;
    /** The class's own name; defineHiddenClass adds a unique suffix. */
    static final String CLASS = "hotsm/vm/jit/CompiledCode";
    private static final Handle CLASS_DATA_AT = new Handle(Opcodes.H_INVOKESTATIC, "java/lang/invoke/MethodHandles",
            "classDataAt", "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/Class;I)"
                    + "Ljava/lang/Object;", false);
    // Locals of a block method.
    private static final int V = 0, S = 1, BASE = 2, F = 3;

    /** The class bytes, the quoted constants (its class data) and how deep the stack gets. */
    record Output(byte[] bytes, List<Value> constants, int stackSize) {}

    private final Map<Code, Integer> index = new IdentityHashMap<>();
    private final Map<Code, Integer> depth = new IdentityHashMap<>();
    private final List<Code> blocks = new ArrayList<>();
    private final List<Value> constants = new ArrayList<>();

    static Output generate(Code root) {
        return new ClassGenerator().run(root);
    }

    private Output run(Code root) {
        Deque<Code> work = new ArrayDeque<>();
        number(root, work);
        while (!work.isEmpty()) {
            for (Instruction i : work.pop().instructions()) {
                if (i instanceof Instruction.Case c) {
                    number(c.left(), work);
                    number(c.right(), work);
                }
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
        entry(cw);
        for (int b = 0; b < blocks.size(); b++) block(cw, b, blocks.get(b));
        cw.visitEnd();
        byte[] bytes;
        try {
            bytes = cw.toByteArray();
        } catch (RuntimeException e) {   // MethodTooLargeException, ClassTooLargeException
            throw new JitRefusal("the code is too large for one JVM class (" + e.getMessage() + ")");
        }
        return new Output(bytes, List.copyOf(constants), maxDepth(root));
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
            else if (i instanceof Instruction.Case c) max = Math.max(max, d + Math.max(maxDepth(c.left()), maxDepth(c.right())));
            max = Math.max(max, d);
        }
        depth.put(code, max);
        return max;
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

    private static void entry(ClassWriter cw) {
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC, "run",
                "(" + VALUE_D + "[" + VALUE_D + "L" + FRAME + ";)" + VALUE_D, null, null);
        mv.visitCode();
        mv.visitVarInsn(Opcodes.ALOAD, 1);
        mv.visitVarInsn(Opcodes.ALOAD, 2);
        mv.visitInsn(Opcodes.ICONST_0);
        mv.visitVarInsn(Opcodes.ALOAD, 3);
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, CLASS, "b0", BLOCK_D, false);
        mv.visitInsn(Opcodes.ARETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    private void block(ClassWriter cw, int number, Code code) {
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC, "b" + number, BLOCK_D, null, null);
        mv.visitCode();
        List<Instruction> is = code.instructions();
        int d = 0;
        for (int pc = 0; pc < is.size(); pc++) {
            if (pc == 0 || is.get(pc - 1) instanceof Instruction.Case) charge(mv, segment(is, pc));
            Instruction i = is.get(pc);
            Opcode op;
            try {
                op = Opcode.of(i);
            } catch (IllegalArgumentException e) {
                throw new JitRefusal("an instruction the JIT does not know: " + i);
            }
            switch (op) {
                case FST -> project(mv, "first");
                case SND -> project(mv, "second");
                case PUSH -> {
                    slot(mv, d++);
                    mv.visitVarInsn(Opcodes.ALOAD, V);
                    mv.visitInsn(Opcodes.AASTORE);
                }
                case SWAP -> {
                    slot(mv, d - 1);
                    mv.visitInsn(Opcodes.AALOAD);
                    slot(mv, d - 1);
                    mv.visitVarInsn(Opcodes.ALOAD, V);
                    mv.visitInsn(Opcodes.AASTORE);
                    mv.visitVarInsn(Opcodes.ASTORE, V);
                }
                case CONS -> {
                    slot(mv, --d);
                    mv.visitInsn(Opcodes.AALOAD);
                    mv.visitVarInsn(Opcodes.ALOAD, V);
                    call(mv, "cons", "(" + VALUE_D + VALUE_D + ")" + VALUE_D);
                }
                case QUOTE -> {
                    mv.visitLdcInsn(new ConstantDynamic("_", VALUE_D, CLASS_DATA_AT,
                            constants.size()));
                    constants.add(((Instruction.Quote) i).value());
                    mv.visitVarInsn(Opcodes.ASTORE, V);
                }
                case INL -> unary(mv, "inl");
                case INR -> unary(mv, "inr");
                case CASE -> branch(mv, (Instruction.Case) i, d);
                case DIST -> unary(mv, "dist");
                case PRIM -> {
                    JitRuntime.PrimHelper h = JitRuntime.helper(((Instruction.Prim) i).op());
                    if (h == null) throw new JitRefusal("a primitive the JIT does not know: " + ((Instruction.Prim) i).op());
                    mv.visitVarInsn(Opcodes.ALOAD, V);
                    if (h.charges()) mv.visitVarInsn(Opcodes.ALOAD, F);
                    mv.visitMethodInsn(Opcodes.INVOKESTATIC, RUNTIME, h.method(), h.charges() ? CHARGING_D : UNARY_D,
                            false);
                    mv.visitVarInsn(Opcodes.ASTORE, V);
                }
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
        mv.visitVarInsn(Opcodes.ALOAD, V);
        mv.visitInsn(Opcodes.ARETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
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

    /** Pushes the stack array and the index {@code base + d}. */
    private static void slot(MethodVisitor mv, int d) {
        mv.visitVarInsn(Opcodes.ALOAD, S);
        mv.visitVarInsn(Opcodes.ILOAD, BASE);
        if (d != 0) {
            mv.visitLdcInsn(d);
            mv.visitInsn(Opcodes.IADD);
        }
    }

    private void branch(MethodVisitor mv, Instruction.Case c, int d) {
        Label right = new Label();
        Label join = new Label();
        mv.visitVarInsn(Opcodes.ALOAD, V);
        mv.visitTypeInsn(Opcodes.INSTANCEOF, INL);
        mv.visitJumpInsn(Opcodes.IFEQ, right);
        callBranch(mv, INL, c.left(), d);
        mv.visitJumpInsn(Opcodes.GOTO, join);
        mv.visitLabel(right);
        callBranch(mv, INR, c.right(), d);
        mv.visitLabel(join);
    }

    private void callBranch(MethodVisitor mv, String side, Code target, int d) {
        mv.visitVarInsn(Opcodes.ALOAD, V);
        mv.visitTypeInsn(Opcodes.CHECKCAST, side);
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, side, "value", "()" + VALUE_D, false);
        slot(mv, d);
        mv.visitVarInsn(Opcodes.ALOAD, F);
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, CLASS, "b" + index.get(target), BLOCK_D, false);
        mv.visitVarInsn(Opcodes.ASTORE, V);
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
