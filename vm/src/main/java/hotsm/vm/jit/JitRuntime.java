package hotsm.vm.jit;

import hotsm.vm.bytecode.PrimOp;
import hotsm.vm.machine.Cam;
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

    /** {@code DIST: (e, Inl a) -> Inl (e, a); (e, Inr b) -> Inr (e, b)}. */
    public static Value dist(Value v) {
        Value.Pair p = (Value.Pair) v;
        Value sum = p.second();
        if (sum instanceof Value.Inl l) return new Value.Inl(new Value.Pair(p.first(), l.value()));
        return new Value.Inr(new Value.Pair(p.first(), ((Value.Inr) sum).value()));
    }

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

    private static Value first(Value v) { return ((Value.Pair) v).first(); }

    private static Value second(Value v) { return ((Value.Pair) v).second(); }

    private static long num(Value v) { return ((Value.Int) v).value(); }

    // Binary primitives come in two forms: on the pair in v, and (CONS then PRIM fused) on its two components.

    public static Value add(Value v) { return add(first(v), second(v)); }

    public static Value add(Value a, Value b) { return integer(num(a) + num(b)); }

    public static Value sub(Value v) { return sub(first(v), second(v)); }

    public static Value sub(Value a, Value b) { return integer(num(a) - num(b)); }

    public static Value mul(Value v) { return mul(first(v), second(v)); }

    public static Value mul(Value a, Value b) { return integer(num(a) * num(b)); }

    public static Value div(Value v) { return div(first(v), second(v)); }

    public static Value div(Value a, Value b) { return integer(num(a) / divisor(num(b))); }

    public static Value mod(Value v) { return mod(first(v), second(v)); }

    public static Value mod(Value a, Value b) { return integer(num(a) % divisor(num(b))); }

    public static Value neg(Value v) { return integer(-((Value.Int) v).value()); }

    public static Value showInt(Value v) { return Value.of(Long.toString(((Value.Int) v).value())); }

    public static Value length(Value v) { return integer(((Value.Str) v).value().length()); }

    private static long divisor(long d) {
        if (d == 0) throw new CamRuntimeError("division by zero");
        return d;
    }

    public static Value concat(Value v, JitFrame f) { return concat(first(v), second(v), f); }

    public static Value concat(Value x, Value y, JitFrame f) {
        String a = ((Value.Str) x).value();
        String b = ((Value.Str) y).value();
        long length = (long) a.length() + b.length();
        if (length > Cam.MAX_STRING_LENGTH) {
            throw new CamRuntimeError("string of " + length + " characters is longer than the limit of "
                    + Cam.MAX_STRING_LENGTH);
        }
        charge(f, length);
        return Value.of(a.concat(b));
    }

    public static Value eq(Value v, JitFrame f) { return eq(first(v), second(v), f); }

    public static Value eq(Value a, Value b, JitFrame f) { return Value.bool(compare(a, b, f) == 0); }

    public static Value ne(Value v, JitFrame f) { return ne(first(v), second(v), f); }

    public static Value ne(Value a, Value b, JitFrame f) { return Value.bool(compare(a, b, f) != 0); }

    public static Value lt(Value v, JitFrame f) { return lt(first(v), second(v), f); }

    public static Value lt(Value a, Value b, JitFrame f) { return Value.bool(compare(a, b, f) < 0); }

    public static Value le(Value v, JitFrame f) { return le(first(v), second(v), f); }

    public static Value le(Value a, Value b, JitFrame f) { return Value.bool(compare(a, b, f) <= 0); }

    public static Value gt(Value v, JitFrame f) { return gt(first(v), second(v), f); }

    public static Value gt(Value a, Value b, JitFrame f) { return Value.bool(compare(a, b, f) > 0); }

    public static Value ge(Value v, JitFrame f) { return ge(first(v), second(v), f); }

    public static Value ge(Value a, Value b, JitFrame f) { return Value.bool(compare(a, b, f) >= 0); }

    /** The interpreter's order and its charge of one unit per node visited (Cam.Run.compare). */
    private static int compare(Value a, Value b, JitFrame f) {
        // Ints first, without the general loop: the common case (one unit, as the loop charges).
        if (a instanceof Value.Int x && b instanceof Value.Int y) {
            charge(f, 1);
            return Long.compare(x.value(), y.value());
        }
        while (true) {
            charge(f, 1);
            if (a instanceof Value.Int x && b instanceof Value.Int y) return Long.compare(x.value(), y.value());
            if (a instanceof Value.Str x && b instanceof Value.Str y) {
                return Integer.signum(x.value().compareTo(y.value()));
            }
            if (a instanceof Value.Pair x && b instanceof Value.Pair y) {
                if (x == y) return 0;
                int c = compare(x.first(), y.first(), f);
                if (c != 0) return c;
                a = x.second();
                b = y.second();
            } else if (a instanceof Value.Inl x && b instanceof Value.Inl y) {
                a = x.value();
                b = y.value();
            } else if (a instanceof Value.Inr x && b instanceof Value.Inr y) {
                a = x.value();
                b = y.value();
            } else {
                return Integer.compare(rank(a), rank(b));
            }
        }
    }

    private static int rank(Value v) {
        if (v instanceof Value.Unit) return 0;
        if (v instanceof Value.Int) return 1;
        if (v instanceof Value.Str) return 2;
        if (v instanceof Value.Pair) return 3;
        if (v instanceof Value.Inl) return 4;
        return 5;
    }

    /** A segment of {@code units} instructions starts: charge them all now. */
    public static void charge(JitFrame f, long units) {
        f.fuel -= units;
        if (f.fuel < 0) throw OutOfFuelSignal.INSTANCE;
    }

    /**
     * The helper a {@code PRIM op} compiles to: its name, and whether it takes
     * the frame (it charges fuel). {@code null} for a primitive the JIT does not
     * know: the block is then refused and runs on the interpreter.
     */
    record PrimHelper(String method, boolean charges, boolean binary) {
        PrimHelper(String method, boolean charges) { this(method, charges, true); }
    }

    static PrimHelper helper(PrimOp op) {
        return switch (op.name()) {
            case "ADD" -> new PrimHelper("add", false);
            case "SUB" -> new PrimHelper("sub", false);
            case "MUL" -> new PrimHelper("mul", false);
            case "DIV" -> new PrimHelper("div", false);
            case "MOD" -> new PrimHelper("mod", false);
            case "NEG" -> new PrimHelper("neg", false, false);
            case "SHOW_INT" -> new PrimHelper("showInt", false, false);
            case "LENGTH" -> new PrimHelper("length", false, false);
            case "CONCAT" -> new PrimHelper("concat", true);
            case "EQ" -> new PrimHelper("eq", true);
            case "NE" -> new PrimHelper("ne", true);
            case "LT" -> new PrimHelper("lt", true);
            case "LE" -> new PrimHelper("le", true);
            case "GT" -> new PrimHelper("gt", true);
            case "GE" -> new PrimHelper("ge", true);
            default -> null;
        };
    }
}
