package hotsm.vm.jit;

import static hotsm.vm.jit.JitNames.*;

import static hotsm.vm.jit.StraightOps.charge;

import hotsm.vm.bytecode.Code;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/** The loop a FOLD instruction compiles to, calling its body's block method once per element. */
final class FoldLoop {
    private FoldLoop() {}

    /**
     * {@code FOLD f: (e, (acc, [x1..xn])) -> f (e, (acc, x1)), then f (e, (result, x2)), ...}:
     * a loop calling the body's method with the environment in the layout the
     * caller has it in, the accumulator as an object (or a {@code long}: an
     * {@code Int} the body leaves an {@code Int}) and the element as an object
     * (no pair is built per element); each element after the first costs one unit of
     * fuel (the FOLD instruction paid for the first).
     */
    static void emit(ClassGenerator g, BlockEmitter e, Code body) {
        MethodVisitor mv = e.mv;
        Rep env = e.first(e.v);
        Rep rest = e.second(e.v);
        Rep initial = e.first(rest);
        Rep list = e.box(e.second(rest));
        int reach = e.d + g.minDepth(body);
        e.spill(reach);
        Layout envLayout = Layout.forParams(Layout.of(env));
        Rep envSettled = e.settle(env, envLayout);
        // An Int accumulator the body leaves an Int stays a long from element to element (no Int built per element).
        Layout acc = Layout.OBJ;
        if (BlockEmitter.intLike(initial)) {
            Layout r = g.result(body, 0, entry(envLayout, Layout.LNG));
            if (Layout.merge(r, Layout.LNG).equals(Layout.LNG)) acc = Layout.LNG;
        }
        boolean asLong = acc == Layout.LNG;
        MethodKey key = new MethodKey(body, 0, entry(envLayout, acc), acc);
        // The accumulator in a local of its own: the loop writes it.
        Rep accumulator;
        if (asLong) {
            e.pushLong(initial);
            accumulator = e.longResult();
        } else {
            e.materialize(initial);
            accumulator = e.objResult();
        }
        if (!e.dry) {
            Label loop = new Label();
            Label done = new Label();
            Label first = new Label();
            e.materialize(list);
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, RUNTIME, "rest", "(" + VALUE_D + ")L" + LIST + ";", false);
            Rep.Obj elements = e.objResult();   // the elements left, or null
            mv.visitJumpInsn(Opcodes.GOTO, first);
            mv.visitLabel(loop);
            charge(mv, 1);
            mv.visitLabel(first);
            mv.visitVarInsn(Opcodes.ALOAD, elements.local());
            mv.visitJumpInsn(Opcodes.IFNULL, done);
            mv.visitVarInsn(Opcodes.ALOAD, S);
            e.base(e.d);
            mv.visitVarInsn(Opcodes.ALOAD, F);
            e.pushLeaves(envSettled);
            e.pushLeaves(accumulator);
            mv.visitVarInsn(Opcodes.ALOAD, elements.local());
            mv.visitTypeInsn(Opcodes.CHECKCAST, LIST);
            mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, LIST, "head", "()" + VALUE_D, false);
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, CLASS, g.method(key, false), key.descriptor(), false);
            e.collect(accumulator);
            mv.visitVarInsn(Opcodes.ALOAD, elements.local());
            mv.visitTypeInsn(Opcodes.CHECKCAST, LIST);
            mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, LIST, "tail", "()L" + LIST + ";", false);
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, RUNTIME, "rest", "(" + VALUE_D + ")L" + LIST + ";", false);
            mv.visitVarInsn(Opcodes.ASTORE, elements.local());
            mv.visitJumpInsn(Opcodes.GOTO, loop);
            mv.visitLabel(done);
        }
        e.v = accumulator;
        e.reload(reach);
    }

    /** The body's entry: (environment, (accumulator, element)), the element an object. */
    private static Layout entry(Layout env, Layout acc) {
        return new Layout.Pr(env, new Layout.Pr(acc, Layout.OBJ));
    }
}
