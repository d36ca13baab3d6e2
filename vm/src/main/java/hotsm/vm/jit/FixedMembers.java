package hotsm.vm.jit;

import static hotsm.vm.jit.JitNames.*;

import java.util.List;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The members every class the {@link ClassGenerator} writes has besides its
 * block methods: the constructor, {@link JitEntry#run} and
 * {@link JitEntry#step} (from and to a {@link ResidentState}), and the class
 * initializer setting the constant fields from the class data.
 */
final class FixedMembers {
    private FixedMembers() {}

    /**
     * One {@code static final} field per quoted value, set in the class
     * initializer from the class data: HotSpot folds them as constants, and
     * they are all resolved when the class is initialized, off the machine
     * thread, not at the first step.
     */
    static void constantFields(ClassWriter cw, List<Object> constants) {
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

    static void constructor(ClassWriter cw) {
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
        mv.visitCode();
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        mv.visitMethodInsn(Opcodes.INVOKESPECIAL, ENTRY, "<init>", "()V", false);
        mv.visitInsn(Opcodes.RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /**
     * {@link JitEntry#run}: makes the run's frame (and its stack array, if any
     * method uses one), runs the root block and returns the result, all in the
     * generated class, so that HotSpot, inlining the blocks into it, can keep
     * the frame in registers even where the call to {@code run} itself is
     * megamorphic (a node that has run several versions). A state layout of
     * several leaves is taken apart into the frame on entry and built again
     * on return.
     */
    static void entry(ClassGenerator g, ClassWriter cw, int stackSize, String root, String rootDescriptor) {
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC, "run",
                "(" + VALUE_D + VALUE_D + "J)L" + RESULT + ";", null, null);
        mv.visitCode();
        // locals: 0 this, 1 argument, 2 state, 3-4 fuel, 5 frame, 6 the value, 7.. the emitter's
        BlockEmitter e = new BlockEmitter(g, mv, 7);
        newFrame(mv, 5);
        if (g.stateLayout == Layout.OBJ) {
            mv.visitVarInsn(Opcodes.ALOAD, 5);
            mv.visitVarInsn(Opcodes.ALOAD, 2);
            mv.visitFieldInsn(Opcodes.PUTFIELD, FRAME, "state", VALUE_D);
        } else {
            e.putState(new Rep.Obj(2), g.stateLayout, 5);
        }
        callRoot(mv, stackSize, root, rootDescriptor, 5);
        mv.visitVarInsn(Opcodes.ASTORE, 6);
        Rep state = g.stateLayout == Layout.OBJ ? null : e.getState(g.stateLayout, 5);
        mv.visitTypeInsn(Opcodes.NEW, RESULT);
        mv.visitInsn(Opcodes.DUP);
        mv.visitVarInsn(Opcodes.ALOAD, 6);
        if (state == null) {
            mv.visitVarInsn(Opcodes.ALOAD, 5);
            mv.visitFieldInsn(Opcodes.GETFIELD, FRAME, "state", VALUE_D);
        } else {
            e.materialize(state);
        }
        mv.visitMethodInsn(Opcodes.INVOKESPECIAL, RESULT, "<init>", "(" + VALUE_D + VALUE_D + ")V", false);
        mv.visitInsn(Opcodes.ARETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /**
     * {@link JitEntry#step}: as {@link #entry}, from and to a
     * {@link ResidentState}: the frame's state leaves are read from its
     * leaves and, when the root returns, written back, the leaves read kept
     * in its undo copy; only the output is returned, so nothing is built for
     * the state. A run that throws writes nothing.
     */
    static void step(ClassGenerator g, ClassWriter cw, int stackSize, String root, String rootDescriptor) {
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC, "step",
                "(" + VALUE_D + "L" + RESIDENT + ";J)" + VALUE_D, null, null);
        mv.visitCode();
        // locals: 0 this, 1 argument, 2 the resident state, 3-4 fuel, 5 frame, 6 the value, 7.. the leaves read
        newFrame(mv, 5);
        List<Layout.Leaf> leaves = Layout.leaves(g.stateLayout);
        int[] read = new int[leaves.size()];
        int local = 7;
        int longs = 0;
        int objs = 0;
        for (int i = 0; i < leaves.size(); i++) {   // resident -> a local -> the frame
            boolean isLong = leaves.get(i).isLong();
            int k = isLong ? longs++ : objs++;
            String type = isLong ? "J" : VALUE_D;
            read[i] = local;
            local += isLong ? 2 : 1;
            mv.visitVarInsn(Opcodes.ALOAD, 2);
            mv.visitFieldInsn(Opcodes.GETFIELD, RESIDENT, residentLeaf(isLong, k, false), type);
            mv.visitVarInsn(isLong ? Opcodes.LSTORE : Opcodes.ASTORE, read[i]);
            mv.visitVarInsn(Opcodes.ALOAD, 5);
            mv.visitVarInsn(isLong ? Opcodes.LLOAD : Opcodes.ALOAD, read[i]);
            mv.visitFieldInsn(Opcodes.PUTFIELD, FRAME, frameLeaf(isLong, k), type);
        }
        callRoot(mv, stackSize, root, rootDescriptor, 5);
        mv.visitVarInsn(Opcodes.ASTORE, 6);
        longs = 0;
        objs = 0;
        for (int i = 0; i < leaves.size(); i++) {   // the leaf read -> the undo copy; the frame -> resident
            boolean isLong = leaves.get(i).isLong();
            int k = isLong ? longs++ : objs++;
            String type = isLong ? "J" : VALUE_D;
            mv.visitVarInsn(Opcodes.ALOAD, 2);
            mv.visitVarInsn(isLong ? Opcodes.LLOAD : Opcodes.ALOAD, read[i]);
            mv.visitFieldInsn(Opcodes.PUTFIELD, RESIDENT, residentLeaf(isLong, k, true), type);
            mv.visitVarInsn(Opcodes.ALOAD, 2);
            mv.visitVarInsn(Opcodes.ALOAD, 5);
            mv.visitFieldInsn(Opcodes.GETFIELD, FRAME, frameLeaf(isLong, k), type);
            mv.visitFieldInsn(Opcodes.PUTFIELD, RESIDENT, residentLeaf(isLong, k, false), type);
        }
        mv.visitVarInsn(Opcodes.ALOAD, 6);
        mv.visitInsn(Opcodes.ARETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /** {@code new JitFrame(null, fuel)} into local {@code frame} (fuel in locals 3-4). */
    private static void newFrame(MethodVisitor mv, int frame) {
        mv.visitTypeInsn(Opcodes.NEW, FRAME);
        mv.visitInsn(Opcodes.DUP);
        mv.visitInsn(Opcodes.ACONST_NULL);
        mv.visitVarInsn(Opcodes.LLOAD, 3);
        mv.visitMethodInsn(Opcodes.INVOKESPECIAL, FRAME, "<init>", "(" + VALUE_D + "J)V", false);
        mv.visitVarInsn(Opcodes.ASTORE, frame);
    }

    /** Calls the root block on the argument (local 1) with a fresh stack; leaves its value on the operand stack. */
    private static void callRoot(MethodVisitor mv, int stackSize, String root, String rootDescriptor, int frame) {
        if (stackSize == 0) {
            mv.visitInsn(Opcodes.ACONST_NULL);
        } else {
            mv.visitLdcInsn(stackSize);
            mv.visitTypeInsn(Opcodes.ANEWARRAY, VALUE);
        }
        mv.visitInsn(Opcodes.ICONST_0);
        mv.visitVarInsn(Opcodes.ALOAD, frame);
        mv.visitVarInsn(Opcodes.ALOAD, 1);
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, CLASS, root, rootDescriptor, false);
    }
}
