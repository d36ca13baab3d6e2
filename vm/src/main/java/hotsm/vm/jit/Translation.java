package hotsm.vm.jit;

import static hotsm.vm.jit.JitNames.*;
import static hotsm.vm.jit.StraightOps.*;

import hotsm.vm.bytecode.Code;
import hotsm.vm.bytecode.Instruction;
import hotsm.vm.bytecode.Opcode;
import hotsm.vm.bytecode.PrimOp;
import hotsm.vm.bytecode.SharedBlock;
import hotsm.vm.value.Value;
import java.util.List;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The translation table, one case per instruction ({@code d} is the stack
 * depth relative to the method's entry, known statically because every block
 * is stack-balanced; {@code v} and the slots are {@link Rep}s, so most
 * instructions write no bytecode at all):
 *
 * <pre>
 * FST, SND   v = the component (a Rep of a pair not built; an object's: first()/second())
 * PUSH       slot d++ = v                       SWAP  exchange v and slot d-1
 * CONS       v = (slot --d, v), not built
 * QUOTE c    v = c, a constant (arithmetic on two constants is done when the class is written)
 * INL, INR   v = a sum with a constant tag, not built
 * DIST       (e, sum) -> a sum of (e, payload), not built (an object sum: its tag and payload read once)
 * CASE l r   tag == 0 ? l(left payload) : r(right payload)   (a constant tag: that branch only;
 *            a small branch written inline, a larger one a call of its method)
 * PRIM       + - * / % negate: long arithmetic; comparisons of two Ints: lcmp, a boolean tag;
 *            comparisons of other values and every other primitive: PrimOp.apply on objects
 * GET        v = frame.state (in the class's state layout: an Int state a long, ...)
 * PUT        frame.state = v settled into the state layout; v = ()
 * FOLD f     (e, (acc, xs)): acc = f((e, (acc, x))) for each x (1 fuel per x after the first)
 * CALL k     v = shared_k(v), in the layouts of its declared shapes
 * ERROR T    throw the interpreter's error with the message in v
 * </pre>
 *
 * <p>Fuel: each straight-line segment (a block's start, or the instructions
 * after a CASE, up to and including the next CASE) charges its instruction
 * count on entry. Anything the table does not list is refused with a
 * {@link JitRefusal}.
 */
final class Translation {
    private final ClassGenerator g;
    private final BlockEmitter e;
    private final MethodVisitor mv;
    /** Instructions written into this method so far (branches written inline included). */
    private int inChunk;

    Translation(ClassGenerator g, BlockEmitter e) {
        this.g = g;
        this.e = e;
        this.mv = e.mv;
    }

    /**
     * Translates {@code code} from {@code pc} and returns in layout {@code ret}.
     *
     * @return for a dry emitter, the layout the result is left in (else null)
     */
    Layout block(Code code, int pc, Layout ret) {
        List<Instruction> is = code.instructions();
        inChunk = 0;
        for (; pc < is.size(); pc++) {
            if (inChunk >= g.chunkSize) return continueIn(code, pc, ret);
            inChunk++;
            if (pc == 0 || is.get(pc - 1) instanceof Instruction.Case) charge(mv, segment(is, pc));
            instruction(is.get(pc));
        }
        if (e.dry) return Layout.of(e.v);
        e.ret(ret);
        return null;
    }

    /** The rest of a long block in another method, so each stays small enough for HotSpot to compile. */
    private Layout continueIn(Code code, int pc, Layout ret) {
        Layout entry = Layout.forParams(Layout.of(e.v));
        e.spill(0);
        if (e.dry) return g.result(code, pc, entry);
        MethodKey next = new MethodKey(code, pc, entry, ret);
        Rep settled = e.settle(e.v, entry);
        mv.visitVarInsn(Opcodes.ALOAD, S);
        e.base(e.d);
        mv.visitVarInsn(Opcodes.ALOAD, F);
        e.pushLeaves(settled);
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, CLASS, g.method(next, false), next.descriptor(), false);
        e.passOn(ret);
        return null;
    }

    /** Instructions from {@code pc} up to and including the next CASE, or to the end. */
    private static int segment(List<Instruction> is, int pc) {
        int end = pc;
        while (end < is.size() && !(is.get(end) instanceof Instruction.Case)) end++;
        return Math.min(end + 1, is.size()) - pc;
    }

    private void instruction(Instruction i) {
        Opcode op;
        try {
            op = Opcode.of(i);
        } catch (IllegalArgumentException ex) {
            throw new JitRefusal("an instruction the JIT does not know: " + i);
        }
        switch (op) {
            case FST -> e.v = e.first(e.v);
            case SND -> e.v = e.second(e.v);
            case PUSH -> e.store(e.d++, e.v);
            case SWAP -> {
                Rep x = e.load(e.d - 1);
                e.store(e.d - 1, e.v);
                e.v = x;
            }
            case CONS -> {
                Rep x = e.load(e.d - 1);
                e.d--;
                e.v = new Rep.Pr(x, e.v);
            }
            case QUOTE -> e.v = new Rep.Con(((Instruction.Quote) i).value());
            case INL -> e.v = new Rep.Sm(-1, 0, e.v, null);
            case INR -> e.v = new Rep.Sm(-1, 1, null, e.v);
            case DIST -> {
                Rep env = e.first(e.v);
                Rep.Sm s = e.sum(e.second(e.v));
                e.v = new Rep.Sm(s.tagLocal(), s.tag(), s.left() == null ? null : new Rep.Pr(env, s.left()),
                        s.right() == null ? null : new Rep.Pr(env, s.right()));
            }
            case CASE -> branch((Instruction.Case) i);
            case PRIM -> prim(((Instruction.Prim) i).op());
            case GET -> {
                if (g.stateLayout == Layout.OBJ) needState(mv, "GET");
                e.v = e.getState(g.stateLayout, F);
            }
            case PUT -> {
                if (g.stateLayout == Layout.OBJ) needState(mv, "PUT");
                e.putState(e.v, g.stateLayout, F);
                e.v = new Rep.Con(Value.UNIT);
            }
            case ERROR -> {
                e.materialize(e.v);
                mv.visitMethodInsn(Opcodes.INVOKESTATIC, RUNTIME, "error",
                        "(" + VALUE_D + ")Lhotsm/vm/machine/CamRuntimeError;", false);
                mv.visitInsn(Opcodes.ATHROW);
                // What follows is unreachable (the class writer replaces it); its register is any object.
                mv.visitInsn(Opcodes.ACONST_NULL);
                e.v = e.objResult();
            }
            case CALL -> call(((Instruction.Call) i).block());
            case FOLD -> FoldLoop.emit(g, e, ((Instruction.Fold) i).body());
            default -> throw new JitRefusal("an instruction the JIT does not know: " + op.mnemonic());
        }
    }

    /**
     * CASE: the branch the tag names, on its payload; both write their result
     * into the same locals. A small branch that stays above its entry is
     * written inline ({@link ClassGenerator#inline}), a larger one is a call.
     */
    private void branch(Instruction.Case c) {
        Rep.Sm s = e.sum(e.v);
        int reach = e.d + Math.min(g.minDepth(c.left()), g.minDepth(c.right()));
        e.spill(reach);
        if (s.constant()) {
            Code arm = s.tag() == 0 ? c.left() : c.right();
            Rep argument = s.tag() == 0 ? s.left() : s.right();
            Layout in = Layout.forParams(Layout.of(argument));
            Layout out = Layout.forResult(g.result(arm, 0, in));
            Rep target = e.fresh(out);
            if (!e.dry) arm(arm, in, out, argument, target, null);
            e.v = target;
        } else {
            Layout inLeft = Layout.forParams(Layout.of(s.left()));
            Layout inRight = Layout.forParams(Layout.of(s.right()));
            Layout out = Layout.forResult(Layout.merge(g.result(c.left(), 0, inLeft), g.result(c.right(), 0, inRight)));
            Rep target = e.fresh(out);
            if (!e.dry) {
                Label right = new Label();
                Label join = new Label();
                mv.visitVarInsn(Opcodes.ILOAD, s.tagLocal());
                mv.visitJumpInsn(Opcodes.IFNE, right);
                arm(c.left(), inLeft, out, s.left(), target, join);
                mv.visitLabel(right);
                arm(c.right(), inRight, out, s.right(), target, null);
                mv.visitLabel(join);
            }
            e.v = target;
        }
        e.reload(reach);
    }

    /** One branch, its result into {@code target}: inline if small, else a call; then to {@code join}, if any. */
    private void arm(Code arm, Layout in, Layout out, Rep argument, Rep target, Label join) {
        int size = g.inlineSize(arm);
        if (size >= 0 && inChunk + size <= g.chunkSize) {
            inChunk += size;
            int d = e.d;
            e.v = argument;
            List<Instruction> is = arm.instructions();
            for (int pc = 0; pc < is.size(); pc++) {
                if (pc == 0 || is.get(pc - 1) instanceof Instruction.Case) charge(mv, segment(is, pc));
                instruction(is.get(pc));
            }
            e.assign(target, e.settle(e.v, out));
            e.d = d;
        } else {
            e.call(new MethodKey(arm, 0, in, out), argument, target);
        }
        if (join != null) mv.visitJumpInsn(Opcodes.GOTO, join);
    }

    /** CALL k: the shared block's method, in the layouts of its declared input and output shapes. */
    private void call(int k) {
        SharedBlock b = g.block(k);
        int reach = e.d + g.minDepth(b.code());
        e.spill(reach);
        Layout in = Layout.forParams(Layout.of(b.input()));
        Layout out = Layout.forResult(Layout.of(b.output()));
        Rep target = e.fresh(out);
        if (!e.dry) e.call(new MethodKey(b.code(), 0, in, out), e.v, target);
        e.v = target;
        e.reload(reach);
    }

    private void prim(PrimOp op) {
        switch (op) {
            case ADD, SUB, MUL, DIV, MOD -> arithmetic(op);
            case NEG -> {
                if (e.v instanceof Rep.Con c && c.value() instanceof Value.Int n) {
                    e.v = new Rep.Con(JitRuntime.integer(-n.value()));
                } else {
                    e.pushLong(e.v);
                    mv.visitInsn(Opcodes.LNEG);
                    e.v = e.longResult();
                }
            }
            case EQ, NE, LT, LE, GT, GE -> compare(op);
            default -> {
                Rep argument = e.box(e.v);
                g.constant(e, op);
                e.materialize(argument);
                mv.visitVarInsn(Opcodes.ALOAD, F);
                mv.visitMethodInsn(Opcodes.INVOKESTATIC, RUNTIME, "prim",
                        "(L" + PRIM_OP + ";" + VALUE_D + "L" + FRAME + ";)" + VALUE_D, false);
                e.v = e.objResult();
            }
        }
    }

    /** {@code + - * / %} on two Ints: long arithmetic (on two constants: done now). */
    private void arithmetic(PrimOp op) {
        Rep a = e.first(e.v);
        Rep b = e.second(e.v);
        if (a instanceof Rep.Con x && b instanceof Rep.Con y) {
            Value folded = ConstantFolding.fold(op, x.value(), y.value());
            if (folded != null) {
                e.v = new Rep.Con(folded);
                return;
            }
        }
        e.pushLong(a);
        e.pushLong(b);
        switch (op) {
            case ADD -> mv.visitInsn(Opcodes.LADD);
            case SUB -> mv.visitInsn(Opcodes.LSUB);
            case MUL -> mv.visitInsn(Opcodes.LMUL);
            case DIV -> mv.visitMethodInsn(Opcodes.INVOKESTATIC, RUNTIME, "div", "(JJ)J", false);
            default -> mv.visitMethodInsn(Opcodes.INVOKESTATIC, RUNTIME, "mod", "(JJ)J", false);
        }
        e.v = e.longResult();
    }

    /**
     * A comparison: of two Ints, inline, charging the one node the value order
     * charges them, into a boolean tag; of anything else, the primitive's one
     * definition on the two objects.
     */
    private void compare(PrimOp op) {
        Rep a = e.first(e.v);
        Rep b = e.second(e.v);
        if (BlockEmitter.intLike(a) || BlockEmitter.intLike(b)) {   // (a, a) -> Bool: the other is an Int too
            charge(mv, 1);
            e.pushLong(a);
            e.pushLong(b);
            mv.visitInsn(Opcodes.LCMP);
            Label yes = new Label();
            Label join = new Label();
            mv.visitJumpInsn(switch (op) {
                case EQ -> Opcodes.IFEQ;
                case NE -> Opcodes.IFNE;
                case LT -> Opcodes.IFLT;
                case LE -> Opcodes.IFLE;
                case GT -> Opcodes.IFGT;
                default -> Opcodes.IFGE;
            }, yes);
            mv.visitInsn(Opcodes.ICONST_0);
            mv.visitJumpInsn(Opcodes.GOTO, join);
            mv.visitLabel(yes);
            mv.visitInsn(Opcodes.ICONST_1);
            mv.visitLabel(join);
            e.v = e.bool(e.intResult());
            return;
        }
        Rep x = e.box(a);
        Rep y = e.box(b);
        e.materialize(x);
        e.materialize(y);
        mv.visitVarInsn(Opcodes.ALOAD, F);
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, RUNTIME, op.name().toLowerCase(java.util.Locale.ROOT),
                "(" + VALUE_D + VALUE_D + "L" + FRAME + ";)" + VALUE_D, false);
        e.v = e.objResult();
    }
}
