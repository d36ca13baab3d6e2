package hotsm.vm.machine;

import hotsm.vm.bytecode.Code;
import hotsm.vm.bytecode.Instruction;
import hotsm.vm.bytecode.PrimOp;
import hotsm.vm.value.Value;

/**
 * The Categorical Abstract Machine: a value register {@code v}, a stack
 * {@code s} of values, a state register {@code st}, and an explicit control
 * stack of (block, pc) frames for CASE branches, so no Java recursion grows
 * with the program. Fuel counts instructions. A CASE in tail position does not
 * push a frame.
 */
public final class Cam {
    private Cam() {}

    /** The value register and the state register when a block ends. */
    public record Result(Value value, Value state) {}

    /** Longest string a program may build, in UTF-16 units. */
    public static final int MAX_STRING_LENGTH = 1 << 20;

    // Opcode bytes (hotsm.vm.bytecode.Opcode), as constants for the switch.
    private static final int FST = 0x01, SND = 0x02, PUSH = 0x03, SWAP = 0x04, CONS = 0x05, QUOTE = 0x06,
            INL = 0x07, INR = 0x08, CASE = 0x09, DIST = 0x0A, PRIM = 0x0B, GET = 0x0C, PUT = 0x0D;

    private static final Value[] NO_VALUES = new Value[0];
    private static final LoadedCode[] NO_FRAMES = new LoadedCode[0];
    private static final int[] NO_PCS = new int[0];

    private static final Value[] SMALL_INTS = new Value[1024 + 128];

    static {
        for (int i = 0; i < SMALL_INTS.length; i++) SMALL_INTS[i] = Value.of(i - 128);
    }

    static Value integer(long n) {
        return n >= -128 && n < 1024 ? SMALL_INTS[(int) n + 128] : new Value.Int(n);
    }

    /** Loads and runs a block (see {@link #run(LoadedCode, Value, Value, long)}). */
    public static Result run(Code code, Value argument, Value state, long fuel) {
        return run(LoadedCode.load(code), argument, state, fuel);
    }

    /**
     * Runs a block with {@code v = argument}, an empty stack and {@code st = state}.
     *
     * @param state the state register; {@code null} for pure code (GET/PUT then fail)
     * @param fuel  how many instructions may run
     * @throws CamRuntimeError on division by zero, exhausted fuel, over-long strings, or ill-typed (unverified) code
     */
    public static Result run(LoadedCode code, Value argument, Value state, long fuel) {
        return run(code, argument, state, fuel, null);
    }

    /** Sees each instruction just before it runs, with the registers; for {@code --trace}-style debugging. */
    public interface Tracer {
        /**
         * @param depth      how many CASE branches the instruction is nested in (0 in the top block)
         * @param pc         its index in its block
         * @param stackDepth how many values are on the stack
         */
        void before(int depth, int pc, Instruction instruction, Value v, int stackDepth, Value state);
    }

    /** As {@link #run(LoadedCode, Value, Value, long)}, calling {@code tracer} (if not null) before each instruction. */
    public static Result run(LoadedCode code, Value argument, Value state, long fuel, Tracer tracer) {
        try {
            return new Cam.Run(fuel, tracer).execute(code, argument, state);
        } catch (ClassCastException | NullPointerException e) {
            throw new CamRuntimeError("ill-typed code: an instruction found a value of the wrong shape");
        }
    }

    /** One run's registers and budget. */
    private static final class Run {
        private final long fuelGiven;
        private final Tracer tracer;
        private long fuel;
        // Allocated on first use: most steps of small machines need little or none of them.
        private Value[] stack = NO_VALUES;
        private LoadedCode[] frames = NO_FRAMES;
        private int[] returnPcs = NO_PCS;

        Run(long fuel, Tracer tracer) {
            this.tracer = tracer;
            this.fuelGiven = fuel;
            this.fuel = fuel;
        }

        Result execute(LoadedCode root, Value argument, Value state) {
            Value v = argument;
            Value st = state;
            int sp = 0;
            int fp = 0;
            LoadedCode block = root;
            int[] ops = block.ops;
            int pc = 0;
            long remaining = fuel; // a local in the loop; the field only around PRIM, which may charge more
            while (true) {
                if (pc == ops.length) {
                    if (fp == 0) return new Result(v, st);
                    fp--;
                    block = frames[fp];
                    frames[fp] = null;
                    pc = returnPcs[fp];
                    ops = block.ops;
                    continue;
                }
                if (--remaining < 0) throw outOfFuel();
                if (tracer != null) tracer.before(fp, pc, block.code().instructions().get(pc), v, sp, st);
                switch (ops[pc]) {
                    case FST -> v = ((Value.Pair) v).first(); // FST: (a, b) -> a
                    case SND -> v = ((Value.Pair) v).second(); // SND: (a, b) -> b
                    case PUSH -> { // PUSH: v, s -> v, v : s
                        if (sp == stack.length) stack = java.util.Arrays.copyOf(stack, Math.max(8, sp * 2));
                        stack[sp++] = v;
                    }
                    case SWAP -> { // SWAP: v, x : s -> x, v : s
                        if (sp == 0) throw underflow("SWAP");
                        Value x = stack[sp - 1];
                        stack[sp - 1] = v;
                        v = x;
                    }
                    case CONS -> { // CONS: v, x : s -> (x, v), s
                        if (sp == 0) throw underflow("CONS");
                        v = new Value.Pair(stack[--sp], v);
                        stack[sp] = null;
                    }
                    case QUOTE -> v = (Value) block.operands[pc]; // QUOTE c: v -> c
                    case INL -> v = inl(v); // INL: v -> Inl v
                    case INR -> v = inr(v); // INR: v -> Inr v
                    case CASE -> { // CASE l r: Inl a -> l on a; Inr b -> r on b (then continue after CASE)
                        LoadedCode[] branches = (LoadedCode[]) block.operands[pc];
                        if (pc + 1 < ops.length) {
                            if (fp == frames.length) growFrames();
                            frames[fp] = block;
                            returnPcs[fp] = pc + 1;
                            fp++;
                        }
                        if (v instanceof Value.Inl l) {
                            v = l.value();
                            block = branches[0];
                        } else {
                            v = ((Value.Inr) v).value();
                            block = branches[1];
                        }
                        ops = block.ops;
                        pc = 0;
                        continue;
                    }
                    case DIST -> { // DIST: (e, Inl a) -> Inl (e, a); (e, Inr b) -> Inr (e, b)
                        Value.Pair p = (Value.Pair) v;
                        Value sum = p.second();
                        if (sum instanceof Value.Inl l) {
                            v = new Value.Inl(new Value.Pair(p.first(), l.value()));
                        } else {
                            v = new Value.Inr(new Value.Pair(p.first(), ((Value.Inr) sum).value()));
                        }
                    }
                    case PRIM -> { // PRIM op: v -> op(v)
                        fuel = remaining;
                        v = prim((PrimOp) block.operands[pc], v);
                        remaining = fuel;
                    }
                    case GET -> { // GET: v, st -> st, st
                        if (st == null) throw new CamRuntimeError("GET in pure code (no state register)");
                        v = st;
                    }
                    case PUT -> { // PUT: v, st -> (), v
                        if (st == null) throw new CamRuntimeError("PUT in pure code (no state register)");
                        st = v;
                        v = Value.UNIT;
                    }
                    default -> throw new CamRuntimeError("unknown opcode 0x" + Integer.toHexString(ops[pc]));
                }
                pc++;
            }
        }

        private static Value inl(Value v) {
            return v instanceof Value.Unit ? Value.FALSE : new Value.Inl(v);
        }

        private static Value inr(Value v) {
            return v instanceof Value.Unit ? Value.TRUE : new Value.Inr(v);
        }

        private Value prim(PrimOp op, Value v) {
            switch (op) {
                case NEG: return integer(-((Value.Int) v).value());
                case SHOW_INT: return Value.of(Long.toString(((Value.Int) v).value()));
                case LENGTH: return integer(((Value.Str) v).value().length());
                default: break;
            }
            Value.Pair p = (Value.Pair) v;
            Value a = p.first();
            Value b = p.second();
            switch (op) {
                case ADD: return integer(((Value.Int) a).value() + ((Value.Int) b).value());
                case SUB: return integer(((Value.Int) a).value() - ((Value.Int) b).value());
                case MUL: return integer(((Value.Int) a).value() * ((Value.Int) b).value());
                case DIV: return integer(((Value.Int) a).value() / divisor(b));
                case MOD: return integer(((Value.Int) a).value() % divisor(b));
                case EQ: return Value.bool(compare(a, b) == 0);
                case NE: return Value.bool(compare(a, b) != 0);
                case LT: return Value.bool(compare(a, b) < 0);
                case LE: return Value.bool(compare(a, b) <= 0);
                case GT: return Value.bool(compare(a, b) > 0);
                case GE: return Value.bool(compare(a, b) >= 0);
                case CONCAT: return concat(((Value.Str) a).value(), ((Value.Str) b).value());
                default: throw new CamRuntimeError("unknown primitive " + op);
            }
        }

        private static long divisor(Value b) {
            long d = ((Value.Int) b).value();
            if (d == 0) throw new CamRuntimeError("division by zero");
            return d;
        }

        private Value concat(String a, String b) {
            long length = (long) a.length() + b.length();
            if (length > MAX_STRING_LENGTH) {
                throw new CamRuntimeError("string of " + length + " characters is longer than the limit of " + MAX_STRING_LENGTH);
            }
            charge(length); // one unit per character built, so fuel also bounds the memory strings take
            return Value.of(a.concat(b));
        }

        /**
         * The order of {@link PrimOp#LT}: Int numerically, String by code units,
         * Inl before Inr then by content, pairs lexicographically, () equal. Each
         * node visited costs one unit of fuel, so comparing large shared values
         * cannot outrun the step limit. Recursion is on the left component only,
         * whose depth the verifier bounds.
         */
        int compare(Value a, Value b) {
            while (true) {
                charge(1);
                if (a instanceof Value.Int x && b instanceof Value.Int y) return Long.compare(x.value(), y.value());
                if (a instanceof Value.Str x && b instanceof Value.Str y) return Integer.signum(x.value().compareTo(y.value()));
                if (a instanceof Value.Pair x && b instanceof Value.Pair y) {
                    if (x == y) return 0;
                    int c = compare(x.first(), y.first());
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
                    int c = Integer.compare(rank(a), rank(b));
                    return c;
                }
            }
        }

        /** Orders values of different shapes (only in unverified code) and Inl before Inr. */
        private static int rank(Value v) {
            if (v instanceof Value.Unit) return 0;
            if (v instanceof Value.Int) return 1;
            if (v instanceof Value.Str) return 2;
            if (v instanceof Value.Pair) return 3;
            if (v instanceof Value.Inl) return 4;
            return 5;
        }

        private void charge(long units) {
            fuel -= units;
            if (fuel < 0) throw outOfFuel();
        }

        private CamRuntimeError outOfFuel() {
            return new CamRuntimeError("step limit of " + fuelGiven + " instructions exceeded");
        }

        private static CamRuntimeError underflow(String op) {
            return new CamRuntimeError("ill-typed code: " + op + " with an empty stack");
        }

        private void growFrames() {
            int n = Math.max(8, frames.length * 2);
            frames = java.util.Arrays.copyOf(frames, n);
            returnPcs = java.util.Arrays.copyOf(returnPcs, n);
        }
    }
}
