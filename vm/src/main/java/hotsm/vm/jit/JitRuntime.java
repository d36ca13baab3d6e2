package hotsm.vm.jit;

import hotsm.vm.bytecode.PrimOp;
import hotsm.vm.machine.CamRuntimeError;
import hotsm.vm.value.Value;

/**
 * The helpers compiled code calls: one static method per instruction or
 * primitive that is more than a field access. Each mirrors the interpreter's
 * case in {@link Cam} (same values, same fuel charges, same error messages);
 * the law that the JIT, the interpreter and the reference interpreter agree
 * checks it. Public only because generated classes call it.
 */
public final class JitRuntime {
    private JitRuntime() {}

    private static final Value[] SMALL_INTS = new Value[1024 + 128];

    static {
        for (int i = 0; i < SMALL_INTS.length; i++) SMALL_INTS[i] = Value.of(i - 128);
    }

    public static Value integer(long n) {
        return n >= -128 && n < 1024 ? SMALL_INTS[(int) n + 128] : new Value.Int(n);
    }

    /** {@code CONS: v, x : s -> (x, v), s}. */
    public static Value cons(Value x, Value v) { return new Value.Pair(x, v); }

    /** {@code INL: v -> Inl v}. */
    public static Value inl(Value v) { return v instanceof Value.Unit ? Value.FALSE : new Value.Inl(v); }

    /** {@code INR: v -> Inr v}. */
    public static Value inr(Value v) { return v instanceof Value.Unit ? Value.TRUE : new Value.Inr(v); }

    /**
     * {@code INL} of an {@code Int} kept as a {@code long}: {@code Inl n},
     * both objects new. Not through {@link #integer}'s small-{@code Int}
     * cache (equal values, so the results are the same): its branch's profile
     * is how many steps ran before a value passed the cache (Counter1's count
     * passes it during warm-up), different in each JVM, and C2, following
     * it, placed the spills around the two allocations' slow paths inside the
     * step in some JVMs and not in others (Counter1 2.6-3.1 or 3.5-3.9 ns of
     * CPU a step; 2.1-2.3 without it: docs/performance.md, "The JIT tier").
     */
    public static Value inlInt(long n) { return new Value.Inl(new Value.Int(n)); }

    /** {@code INR} of an {@code Int} kept as a {@code long}: {@code Inr n}, as {@link #inlInt}. */
    public static Value inrInt(long n) { return new Value.Inr(new Value.Int(n)); }

    /** A boolean tag (1 = True) as the value: the interpreter's shared {@code inr ()} or {@code inl ()}. */
    public static Value bool(int tag) { return tag != 0 ? Value.TRUE : Value.FALSE; }

    /** {@code /} on longs: truncating, a division by zero the interpreter's error. */
    public static long div(long a, long b) { return a / divisor(b); }

    /** {@code %} on longs: the dividend's sign, a division by zero the interpreter's error. */
    public static long mod(long a, long b) { return a % divisor(b); }

    /** {@code GET} or {@code PUT} in pure code. */
    public static CamRuntimeError noState(String op) {
        return new CamRuntimeError(op + " in pure code (no state register)");
    }

    /** A segment's charge overdrew the fuel (thrown by compiled code). */
    public static OutOfFuelSignal outOfFuel() { return OutOfFuelSignal.INSTANCE; }

    /**
     * Compiled code charges a whole straight-line segment on entry, so it may
     * run out earlier than the interpreter would; {@link StepCode} then runs
     * the step again on the interpreter, which gives the exact outcome. No
     * stack trace: it is control flow.
     */
    public static final class OutOfFuelSignal extends RuntimeException {
        static final OutOfFuelSignal INSTANCE = new OutOfFuelSignal();

        private OutOfFuelSignal() { super("out of fuel", null, false, false); }
    }

    // Comparisons: two Ints compare inline, charging the one node the value order charges them
    // (ValueOrder.compare); any other operands go to the primitive's one definition.

    public static Value eq(Value a, Value b, JitFrame f) {
        return a instanceof Value.Int x && b instanceof Value.Int y ? ints(f, x.value() == y.value())
                : PrimOp.EQ.apply(new Value.Pair(a, b), f);
    }

    public static Value ne(Value a, Value b, JitFrame f) {
        return a instanceof Value.Int x && b instanceof Value.Int y ? ints(f, x.value() != y.value())
                : PrimOp.NE.apply(new Value.Pair(a, b), f);
    }

    public static Value lt(Value a, Value b, JitFrame f) {
        return a instanceof Value.Int x && b instanceof Value.Int y ? ints(f, x.value() < y.value())
                : PrimOp.LT.apply(new Value.Pair(a, b), f);
    }

    public static Value le(Value a, Value b, JitFrame f) {
        return a instanceof Value.Int x && b instanceof Value.Int y ? ints(f, x.value() <= y.value())
                : PrimOp.LE.apply(new Value.Pair(a, b), f);
    }

    public static Value gt(Value a, Value b, JitFrame f) {
        return a instanceof Value.Int x && b instanceof Value.Int y ? ints(f, x.value() > y.value())
                : PrimOp.GT.apply(new Value.Pair(a, b), f);
    }

    public static Value ge(Value a, Value b, JitFrame f) {
        return a instanceof Value.Int x && b instanceof Value.Int y ? ints(f, x.value() >= y.value())
                : PrimOp.GE.apply(new Value.Pair(a, b), f);
    }

    /** Two Ints compared: one node, as {@link hotsm.vm.value.ValueOrder#compare} charges it. */
    private static Value ints(JitFrame f, boolean result) {
        charge(f, 1);
        return Value.bool(result);
    }

    private static long divisor(long d) {
        if (d == 0) throw new CamRuntimeError("division by zero");
        return d;
    }

    /**
     * Any other primitive: its one definition, {@link PrimOp#apply}, charging
     * its work to the frame's fuel as the interpreter does.
     */
    public static Value prim(PrimOp op, Value v, JitFrame f) { return op.apply(v, f); }

    /** {@code ERROR T: msg -> the run fails with msg} (the interpreter's message). */
    public static CamRuntimeError error(Value v) {
        return new CamRuntimeError(hotsm.vm.value.ValuePrinter.escapeControls(((Value.Str) v).value()));
    }

    /** {@code FOLD}: the elements left ({@code null} when there are none), so generated loops need no casts. */
    public static Value.ListOf rest(Value list) {
        Value.ListOf l = (Value.ListOf) list;
        return l.isEmpty() ? null : l;
    }

    /** A segment of {@code units} instructions starts: charge them all now. */
    public static void charge(JitFrame f, long units) {
        f.fuel -= units;
        if (f.fuel < 0) throw OutOfFuelSignal.INSTANCE;
    }
}
