package hotsm.vm.jit;

import static hotsm.vm.jit.JitNames.*;

import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/** Emitters for the two checks of a block method: charging fuel, and that GET/PUT have a state register. */
final class StraightOps {
    private StraightOps() {}

    static void charge(MethodVisitor mv, int units) {
        mv.visitVarInsn(Opcodes.ALOAD, F);
        mv.visitLdcInsn((long) units);
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, RUNTIME, "charge", "(L" + FRAME + ";J)V", false);
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
