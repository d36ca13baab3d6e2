package hotsm.vm.jit;

import static hotsm.vm.jit.JitNames.*;

import hotsm.vm.value.Value;
import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * One method being written, and what it knows: the value register and the
 * stack slots pushed in this method (relative depth {@code k >= 0}) as
 * {@link Rep}s; slots below the method's entry live in the stack array, as
 * objects. A CASE branch or the next chunk may reach below its own entry,
 * so the slots it can reach are stored to the array before the call and
 * read back after it.
 *
 * <p>A dry emitter writes nothing: it runs the same translation to learn
 * the layout a block leaves its result in, which its callers need before
 * they write their calls.
 */
final class BlockEmitter {
    private final ClassGenerator owner;
    final MethodVisitor mv;
    final boolean dry;
    /** The next free JVM local: locals are never reused, so a {@link Rep} stays valid. */
    private int next = FIRST;
    /** The value register. */
    Rep v;
    /** The stack depth relative to the method's entry. */
    int d;
    /** Local stack slots {@code 0..d-1} (entries past {@code d} are stale). */
    private final List<Rep> slots = new ArrayList<>();

    /** A method {@code name} entered with {@code entry}'s leaves as parameters. */
    BlockEmitter(ClassGenerator owner, ClassWriter cw, String name, MethodKey key) {
        this.owner = owner;
        this.dry = false;
        mv = cw.visitMethod(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC, name, key.descriptor(), null, null);
        mv.visitCode();
        v = fresh(key.entry());
    }

    /**
     * An emitter for the code around the block methods (the class's entry
     * points, {@link FixedMembers}), writing into {@code mv} with JVM locals
     * from {@code firstLocal} on.
     */
    BlockEmitter(ClassGenerator owner, MethodVisitor mv, int firstLocal) {
        this.owner = owner;
        this.dry = false;
        this.mv = mv;
        this.next = firstLocal;
    }

    /** A dry emitter, entered with {@code entry}. */
    BlockEmitter(ClassGenerator owner, Layout entry) {
        this.owner = owner;
        this.dry = true;
        mv = new MethodVisitor(Opcodes.ASM9) {};
        v = fresh(entry);
    }

    /** New locals of {@code layout}'s structure (a method's parameters when called first). */
    Rep fresh(Layout layout) {
        if (layout instanceof Layout.Con c) return new Rep.Con(c.value());
        if (layout instanceof Layout.Pr p) {
            Rep a = fresh(p.first());
            return new Rep.Pr(a, fresh(p.second()));
        }
        if (layout == Layout.LNG) {
            int l = next;
            next += 2;
            return new Rep.Lng(l);
        }
        return new Rep.Obj(next++);
    }

    private int local() { return next++; }

    // ---- the stack

    /** Slot {@code k}. */
    Rep load(int k) {
        if (k >= 0) return slots.get(k);
        index(k);
        mv.visitInsn(Opcodes.AALOAD);
        return storeObj();
    }

    /** {@code r} into slot {@code k}. */
    void store(int k, Rep r) {
        if (k >= 0) {
            if (k == slots.size()) slots.add(r);
            else slots.set(k, r);
        } else {
            index(k);
            materialize(r);
            mv.visitInsn(Opcodes.AASTORE);
        }
    }

    /** Pushes the array and the index {@code base + k}, for an access to the array. */
    void index(int k) {
        owner.usesArray = true;
        mv.visitVarInsn(Opcodes.ALOAD, S);
        base(k);
    }

    /** Pushes {@code base + k}. */
    void base(int k) {
        mv.visitVarInsn(Opcodes.ILOAD, BASE);
        if (k != 0) {
            mv.visitLdcInsn(k);
            mv.visitInsn(Opcodes.IADD);
        }
    }

    /** Local slots {@code from..d-1} to the array, as objects. */
    void spill(int from) {
        for (int k = Math.max(0, from); k < d; k++) {
            index(k);
            materialize(slots.get(k));
            mv.visitInsn(Opcodes.AASTORE);
        }
    }

    /** Local slots {@code from..d-1} back from the array. */
    void reload(int from) {
        for (int k = Math.max(0, from); k < d; k++) {
            index(k);
            mv.visitInsn(Opcodes.AALOAD);
            slots.set(k, storeObj());
        }
    }

    // ---- values

    /** The value on the operand stack into a new local. */
    private Rep.Obj storeObj() {
        Rep.Obj o = new Rep.Obj(local());
        mv.visitVarInsn(Opcodes.ASTORE, o.local());
        return o;
    }

    private Rep.Lng storeLong() {
        Rep.Lng l = new Rep.Lng(next);
        next += 2;
        mv.visitVarInsn(Opcodes.LSTORE, l.local());
        return l;
    }

    /** {@code (a, b) -> a}. */
    Rep first(Rep r) { return project(r, true); }

    /** {@code (a, b) -> b}. */
    Rep second(Rep r) { return project(r, false); }

    private Rep project(Rep r, boolean first) {
        if (r instanceof Rep.Pr p) return first ? p.first() : p.second();
        if (r instanceof Rep.Con c && c.value() instanceof Value.Pair p) return new Rep.Con(first ? p.first() : p.second());
        materialize(r);
        mv.visitTypeInsn(Opcodes.CHECKCAST, PAIR);
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, PAIR, first ? "first" : "second", "()" + VALUE_D, false);
        return storeObj();
    }

    /** {@code r} as a sum: its tag and payload (an object's computed here, once). */
    Rep.Sm sum(Rep r) {
        if (r instanceof Rep.Sm s) return s;
        if (r instanceof Rep.Con c && c.value() instanceof Value.Inl l) return new Rep.Sm(-1, 0, new Rep.Con(l.value()), null);
        if (r instanceof Rep.Con c && c.value() instanceof Value.Inr x) return new Rep.Sm(-1, 1, null, new Rep.Con(x.value()));
        Rep.Obj o;
        if (r instanceof Rep.Obj x) {
            o = x;
        } else {
            materialize(r);
            o = storeObj();
        }
        int tag = local();
        mv.visitVarInsn(Opcodes.ALOAD, o.local());
        mv.visitTypeInsn(Opcodes.INSTANCEOF, INR);
        mv.visitVarInsn(Opcodes.ISTORE, tag);
        return new Rep.Sm(tag, 0, new Rep.Payload(o.local(), false), new Rep.Payload(o.local(), true));
    }

    /** A boolean computed into an {@code int} local (1 = True = {@code inr ()}). */
    Rep.Sm bool(int local) {
        return new Rep.Sm(local, 0, new Rep.Con(Value.UNIT), new Rep.Con(Value.UNIT));
    }

    /** Whether {@code r} is an {@code Int} known without looking (a long or a constant). */
    static boolean intLike(Rep r) {
        return r instanceof Rep.Lng || r instanceof Rep.Con c && c.value() instanceof Value.Int;
    }

    /** Pushes {@code r}, an {@code Int}, as a {@code long}. */
    void pushLong(Rep r) {
        if (r instanceof Rep.Lng l) {
            mv.visitVarInsn(Opcodes.LLOAD, l.local());
        } else if (r instanceof Rep.Con c && c.value() instanceof Value.Int i) {
            mv.visitLdcInsn(i.value());
        } else if (r instanceof Rep.Obj || r instanceof Rep.Payload) {
            materialize(r);
            mv.visitTypeInsn(Opcodes.CHECKCAST, INT);
            mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, INT, "value", "()J", false);
        } else {
            throw new JitRefusal("an Int expected, found " + r);
        }
    }

    /** The {@code long} on the operand stack into a new local. */
    Rep.Lng longResult() { return storeLong(); }

    /** The object on the operand stack into a new local. */
    Rep.Obj objResult() { return storeObj(); }

    /** The int on the operand stack into a new local. */
    int intResult() {
        int l = local();
        mv.visitVarInsn(Opcodes.ISTORE, l);
        return l;
    }

    /** Pushes {@code r} as a {@link Value} object, building what it has not built yet. */
    void materialize(Rep r) {
        if (r instanceof Rep.Obj o) {
            mv.visitVarInsn(Opcodes.ALOAD, o.local());
        } else if (r instanceof Rep.Lng l) {
            mv.visitVarInsn(Opcodes.LLOAD, l.local());
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, RUNTIME, "integer", "(J)" + VALUE_D, false);
        } else if (r instanceof Rep.Con c) {
            owner.constant(this, c.value());
        } else if (r instanceof Rep.Payload p) {
            String side = p.right() ? INR : INL;
            mv.visitVarInsn(Opcodes.ALOAD, p.local());
            mv.visitTypeInsn(Opcodes.CHECKCAST, side);
            mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, side, "value", "()" + VALUE_D, false);
        } else if (r instanceof Rep.Pr p) {
            materialize(p.first());
            materialize(p.second());
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, RUNTIME, "cons", "(" + VALUE_D + VALUE_D + ")" + VALUE_D, false);
        } else if (r instanceof Rep.Sm s) {
            if (s.constant()) {
                inject(s.tag() == 0 ? s.left() : s.right(), s.tag() != 0);
            } else if (isUnit(s.left()) && isUnit(s.right())) {
                mv.visitVarInsn(Opcodes.ILOAD, s.tagLocal());
                mv.visitMethodInsn(Opcodes.INVOKESTATIC, RUNTIME, "bool", "(I)" + VALUE_D, false);
            } else {
                Label right = new Label();
                Label join = new Label();
                mv.visitVarInsn(Opcodes.ILOAD, s.tagLocal());
                mv.visitJumpInsn(Opcodes.IFNE, right);
                inject(s.left(), false);
                mv.visitJumpInsn(Opcodes.GOTO, join);
                mv.visitLabel(right);
                inject(s.right(), true);
                mv.visitLabel(join);
            }
        }
    }

    /**
     * Pushes {@code Inr payload} if {@code right}, else {@code Inl payload},
     * built. An {@code Int} payload kept as a {@code long} is boxed with the
     * sum in one helper, without the small-{@code Int} cache
     * ({@link JitRuntime#inrInt}).
     */
    private void inject(Rep payload, boolean right) {
        if (payload instanceof Rep.Lng l) {
            mv.visitVarInsn(Opcodes.LLOAD, l.local());
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, RUNTIME, right ? "inrInt" : "inlInt", "(J)" + VALUE_D, false);
            return;
        }
        materialize(payload);
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, RUNTIME, right ? "inr" : "inl", UNARY_D, false);
    }

    private static boolean isUnit(Rep r) { return r instanceof Rep.Con c && c.value() instanceof Value.Unit; }

    /** {@code r} as a {@link Value} object in a local (or a constant), built once for all its uses. */
    Rep box(Rep r) {
        if (r instanceof Rep.Obj || r instanceof Rep.Con) return r;
        materialize(r);
        return storeObj();
    }

    /** {@code r} in {@code layout}, every leaf in a local (or a constant the layout names). */
    Rep settle(Rep r, Layout layout) {
        if (layout instanceof Layout.Con c) return new Rep.Con(c.value());
        if (layout instanceof Layout.Pr p) {
            Rep a = settle(first(r), p.first());
            return new Rep.Pr(a, settle(second(r), p.second()));
        }
        if (layout == Layout.LNG) {
            if (r instanceof Rep.Lng) return r;
            pushLong(r);
            return storeLong();
        }
        if (r instanceof Rep.Obj) return r;
        materialize(r);
        return storeObj();
    }

    /** Pushes the leaves of a settled rep, in order. */
    void pushLeaves(Rep settled) {
        if (settled instanceof Rep.Obj o) {
            mv.visitVarInsn(Opcodes.ALOAD, o.local());
        } else if (settled instanceof Rep.Lng l) {
            mv.visitVarInsn(Opcodes.LLOAD, l.local());
        } else if (settled instanceof Rep.Pr p) {
            pushLeaves(p.first());
            pushLeaves(p.second());
        }
    }

    // ---- the state register's leaves (the frame's state fields, JitFrame)

    /** GET: the state register, read from the frame's leaves in {@code layout} into new locals. */
    Rep getState(Layout layout, int frame) {
        Rep target = fresh(layout);
        int longs = 0;
        int objs = 0;
        for (Rep r : leavesOf(target)) {
            mv.visitVarInsn(Opcodes.ALOAD, frame);
            if (r instanceof Rep.Lng l) {
                mv.visitFieldInsn(Opcodes.GETFIELD, FRAME, frameLeaf(true, longs++), "J");
                mv.visitVarInsn(Opcodes.LSTORE, l.local());
            } else {
                mv.visitFieldInsn(Opcodes.GETFIELD, FRAME, frameLeaf(false, objs++), VALUE_D);
                mv.visitVarInsn(Opcodes.ASTORE, local(r));
            }
        }
        return target;
    }

    /** PUT: {@code r} settled into {@code layout} and written to the frame's leaves. */
    void putState(Rep r, Layout layout, int frame) {
        Rep settled = settle(r, layout);
        int longs = 0;
        int objs = 0;
        for (Rep leaf : leavesOf(settled)) {
            mv.visitVarInsn(Opcodes.ALOAD, frame);
            pushLeaves(leaf);
            if (leaf instanceof Rep.Lng) mv.visitFieldInsn(Opcodes.PUTFIELD, FRAME, frameLeaf(true, longs++), "J");
            else mv.visitFieldInsn(Opcodes.PUTFIELD, FRAME, frameLeaf(false, objs++), VALUE_D);
        }
    }

    /** The leaves of a settled rep, in order. */
    static List<Rep> leavesOf(Rep settled) {
        List<Rep> ls = new ArrayList<>();
        leaves(settled, ls);
        return ls;
    }

    private static void leaves(Rep settled, List<Rep> out) {
        if (settled instanceof Rep.Pr p) {
            leaves(p.first(), out);
            leaves(p.second(), out);
        } else if (settled instanceof Rep.Obj || settled instanceof Rep.Lng) {
            out.add(settled);
        }
    }

    /**
     * Calls the method of {@code key} on {@code argument} (settled into its
     * entry layout) with the stack offset {@code base + d}, leaving the result
     * in {@code target}'s locals (made by {@link #fresh} from its result layout).
     */
    void call(MethodKey key, Rep argument, Rep target) {
        Rep settled = settle(argument, key.entry());
        mv.visitVarInsn(Opcodes.ALOAD, S);
        base(d);
        mv.visitVarInsn(Opcodes.ALOAD, F);
        pushLeaves(settled);
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, CLASS, owner.method(key, dry), key.descriptor(), false);
        collect(target);
    }

    /** The result of the method just called into {@code target}: returned, or read from the frame's slots. */
    void collect(Rep target) {
        List<Rep> ls = new ArrayList<>();
        leaves(target, ls);
        if (ls.size() == 1) {
            Rep r = ls.get(0);
            mv.visitVarInsn(r instanceof Rep.Lng ? Opcodes.LSTORE : Opcodes.ASTORE, local(r));
            return;
        }
        int longs = 0;
        int objs = 0;
        for (Rep r : ls) {
            mv.visitVarInsn(Opcodes.ALOAD, F);
            if (r instanceof Rep.Lng l) {
                mv.visitFieldInsn(Opcodes.GETFIELD, FRAME, "l" + longs++, "J");
                mv.visitVarInsn(Opcodes.LSTORE, l.local());
            } else {
                mv.visitFieldInsn(Opcodes.GETFIELD, FRAME, "o" + objs++, VALUE_D);
                mv.visitVarInsn(Opcodes.ASTORE, local(r));
            }
        }
    }

    /** Copies the leaves of {@code settled} into {@code target}'s locals (the same layout). */
    void assign(Rep target, Rep settled) {
        List<Rep> to = new ArrayList<>();
        List<Rep> from = new ArrayList<>();
        leaves(target, to);
        leaves(settled, from);
        for (int i = 0; i < to.size(); i++) {
            Rep r = to.get(i);
            if (r instanceof Rep.Lng l) {
                mv.visitVarInsn(Opcodes.LLOAD, ((Rep.Lng) from.get(i)).local());
                mv.visitVarInsn(Opcodes.LSTORE, l.local());
            } else {
                mv.visitVarInsn(Opcodes.ALOAD, ((Rep.Obj) from.get(i)).local());
                mv.visitVarInsn(Opcodes.ASTORE, local(r));
            }
        }
    }

    private static int local(Rep r) { return r instanceof Rep.Lng l ? l.local() : ((Rep.Obj) r).local(); }

    /** Returns the value register in layout {@code ret} and closes the method. */
    void ret(Layout ret) {
        Rep settled = settle(v, ret);
        List<Rep> ls = new ArrayList<>();
        leaves(settled, ls);
        if (ls.size() == 1) {
            pushLeaves(settled);
            mv.visitInsn(ls.get(0) instanceof Rep.Lng ? Opcodes.LRETURN : Opcodes.ARETURN);
        } else {
            int longs = 0;
            int objs = 0;
            for (Rep r : ls) {
                mv.visitVarInsn(Opcodes.ALOAD, F);
                pushLeaves(r);
                if (r instanceof Rep.Lng) mv.visitFieldInsn(Opcodes.PUTFIELD, FRAME, "l" + longs++, "J");
                else mv.visitFieldInsn(Opcodes.PUTFIELD, FRAME, "o" + objs++, VALUE_D);
            }
            mv.visitInsn(Opcodes.RETURN);
        }
        close();
    }

    /** Returns what the method just called returned (a chunk's continuation, in the same layout). */
    void passOn(Layout ret) {
        String r = Layout.returnDescriptor(ret);
        mv.visitInsn(r.equals("V") ? Opcodes.RETURN : r.equals("J") ? Opcodes.LRETURN : Opcodes.ARETURN);
        close();
    }

    private void close() {
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }
}
