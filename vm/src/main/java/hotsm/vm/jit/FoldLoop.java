package hotsm.vm.jit;

import static hotsm.vm.jit.JitNames.*;

import static hotsm.vm.jit.StraightOps.charge;

import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/** The loop a FOLD instruction compiles to, calling its body's block method once per element. */
final class FoldLoop {
    private FoldLoop() {}

    /**
     * {@code FOLD f: (e, (acc, [x1..xn])) -> f (e, (acc, x1)), then f (e, (result, x2)), ...}:
     * a loop calling the body's method; each element after the first costs
     * one unit of fuel (the FOLD instruction paid for the first).
     */
    static void emit(BlockEmitter e, int bodyMinDepth, String bodyMethod) {
        MethodVisitor mv = e.mv;
        int reach = e.d + bodyMinDepth;
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
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, CLASS, bodyMethod, BLOCK_D, false);
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
}
