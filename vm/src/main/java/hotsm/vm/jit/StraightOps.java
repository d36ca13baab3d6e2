package hotsm.vm.jit;

import static hotsm.vm.jit.JitNames.*;

import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Emitters for the straight-line pieces of a block method: charging fuel,
 * calling a {@link JitRuntime} helper into the value register, projecting a
 * pair, and the check that GET/PUT have a state register.
 */
final class StraightOps {
    private StraightOps() {}

    static void charge(MethodVisitor mv, int units) {
        mv.visitVarInsn(Opcodes.ALOAD, F);
        mv.visitLdcInsn((long) units);
        call(mv, "charge", "(L" + FRAME + ";J)V");
    }

    static void call(MethodVisitor mv, String method, String descriptor) {
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, RUNTIME, method, descriptor, false);
        if (!descriptor.endsWith(")V")) mv.visitVarInsn(Opcodes.ASTORE, V);
    }

    static void unary(MethodVisitor mv, String method) {
        mv.visitVarInsn(Opcodes.ALOAD, V);
        call(mv, method, UNARY_D);
    }

    static void project(MethodVisitor mv, String accessor) {
        mv.visitVarInsn(Opcodes.ALOAD, V);
        mv.visitTypeInsn(Opcodes.CHECKCAST, PAIR);
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, PAIR, accessor, "()" + VALUE_D, false);
        mv.visitVarInsn(Opcodes.ASTORE, V);
    }

    /** The interpreter's error for GET/PUT without a state register (pure code). */
    static void needState(MethodVisitor mv, String op) {
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
