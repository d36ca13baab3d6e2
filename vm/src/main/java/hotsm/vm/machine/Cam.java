package hotsm.vm.machine;

import hotsm.vm.bytecode.Code;
import hotsm.vm.bytecode.Instruction;
import hotsm.vm.bytecode.Opcode;
import hotsm.vm.bytecode.PrimFailure;
import hotsm.vm.bytecode.PrimOp;
import hotsm.vm.bytecode.SharedBlock;
import hotsm.vm.value.Meter;
import hotsm.vm.value.Value;
import hotsm.vm.value.ValuePrinter;

/**
 * The Categorical Abstract Machine: a value register {@code v}, a stack
 * {@code s} of values, a state register {@code st}, and an explicit control
 * stack of frames (block, return pc, and for a FOLD its environment and the
 * elements left), so no Java recursion grows with the program or its data.
 * Fuel counts instructions, each FOLD iteration, and the work of each
 * primitive ({@link PrimOp}'s cost column). A CASE or CALL in tail position
 * does not push a frame.
 */
public final class Cam {
    private Cam() {}

    /** The value register and the state register when a block ends. */
    public record Result(Value value, Value state) {}

    /** Longest string a program may build, in UTF-16 units. */
    public static final int MAX_STRING_LENGTH = PrimOp.MAX_STRING_LENGTH;

    // Opcode bytes (hotsm.vm.bytecode.Opcode's table), as constants for the switch.
    private static final int FST = 0x01, SND = 0x02, PUSH = 0x03, SWAP = 0x04, CONS = 0x05, QUOTE = 0x06,
            INL = 0x07, INR = 0x08, CASE = 0x09, DIST = 0x0A, PRIM = 0x0B, GET = 0x0C, PUT = 0x0D,
            FOLD = 0x0E, CALL = 0x0F, ERROR = 0x10;

    static {
        int[] mine = {FST, SND, PUSH, SWAP, CONS, QUOTE, INL, INR, CASE, DIST, PRIM, GET, PUT, FOLD, CALL, ERROR};
        for (int k = 0; k < mine.length; k++) {
            if (Opcode.values()[k].code() != mine[k]) throw new ExceptionInInitializerError("Cam's opcode constants drifted from Opcode");
        }
    }

    private static final Value[] NO_VALUES = new Value[0];
    private static final LoadedCode[] NO_FRAMES = new LoadedCode[0];
    private static final int[] NO_PCS = new int[0];

    /** Loads and runs a block that calls no shared block (see {@link #run(LoadedCode, Value, Value, long)}). */
    public static Result run(Code code, Value argument, Value state, long fuel) {
        return run(LoadedCode.load(code), argument, state, fuel);
    }

    /** Loads and runs a block whose {@code CALL}s run {@code shared} (see {@link #run(LoadedCode, Value, Value, long)}). */
    public static Result run(Code code, java.util.List<SharedBlock> shared, Value argument, Value state, long fuel) {
        return run(LoadedCode.load(code, shared), argument, state, fuel);
    }

    /**
     * Runs a block with {@code v = argument}, an empty stack and {@code st = state}.
     *
     * @param state the state register; {@code null} for pure code (GET/PUT then fail)
     * @param fuel  how many instructions may run
     * @throws CamRuntimeError on division by zero, {@code ERROR}, exhausted fuel, over-long strings, or ill-typed
     *         (unverified) code
     */
    public static Result run(LoadedCode code, Value argument, Value state, long fuel) {
        return run(code, argument, state, fuel, null);
    }

    /** Sees each instruction just before it runs, with the registers; for {@code --trace}-style debugging. */
    public interface Tracer {
        /**
         * @param depth      how many frames are below the instruction's (0 in the top block; {@link CamTrace} indents by it)
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

    /** One run's registers and budget; the meter primitives charge their work to. */
    private static final class Run implements Meter {
        private final long fuelGiven;
        private final Tracer tracer;
        private long fuel;
        // Allocated on first use: most steps of small machines need little or none of them.
        private Value[] stack = NO_VALUES;
        private LoadedCode[] frames = NO_FRAMES;
        private int[] returnPcs = NO_PCS;
        /** For a FOLD's frame: its environment and the elements left ({@code null} in other frames). */
        private Value[] foldEnvs = NO_VALUES;
        private Value.ListOf[] foldRests = new Value.ListOf[0];

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
                    Value.ListOf rest = foldRests[fp];
                    if (rest != null && !rest.isEmpty()) {
                        // The next iteration of the FOLD that pushed this frame; v is the accumulator.
                        if (--remaining < 0) throw outOfFuel();
                        v = new Value.Pair(foldEnvs[fp], new Value.Pair(v, rest.head()));
                        foldRests[fp] = rest.tail();
                        block = (LoadedCode) frames[fp].operands[returnPcs[fp] - 1];
                        fp++;
                        ops = block.ops;
                        pc = 0;
                        continue;
                    }
                    foldRests[fp] = null;
                    foldEnvs[fp] = null;
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
                    case PRIM -> { // PRIM op: v -> op(v), its work charged
                        fuel = remaining;
                        try {
                            v = ((PrimOp) block.operands[pc]).apply(v, this);
                        } catch (PrimFailure e) {
                            throw new CamRuntimeError(e.getMessage());
                        }
                        remaining = fuel;
                    }
                    case FOLD -> { // FOLD f: (e, (acc, xs)) -> f on (e, (acc, x)) for each x, left to right
                        Value.Pair p = (Value.Pair) v;
                        Value.Pair accAndList = (Value.Pair) p.second();
                        Value.ListOf list = (Value.ListOf) accAndList.second();
                        if (list.isEmpty()) {
                            v = accAndList.first();
                        } else {
                            if (fp == frames.length) growFrames();
                            frames[fp] = block;
                            returnPcs[fp] = pc + 1;
                            foldEnvs[fp] = p.first();
                            foldRests[fp] = list.tail();
                            fp++;
                            v = new Value.Pair(p.first(), new Value.Pair(accAndList.first(), list.head()));
                            block = (LoadedCode) block.operands[pc];
                            ops = block.ops;
                            pc = 0;
                            continue;
                        }
                    }
                    case CALL -> { // CALL k: run shared block k on v (then continue after CALL)
                        LoadedCode callee = (LoadedCode) block.operands[pc];
                        if (callee == null) throw new CamRuntimeError("ill-typed code: CALL of a block that does not exist");
                        if (pc + 1 < ops.length) {
                            if (fp == frames.length) growFrames();
                            frames[fp] = block;
                            returnPcs[fp] = pc + 1;
                            fp++;
                        }
                        block = callee;
                        ops = block.ops;
                        pc = 0;
                        continue;
                    }
                    case ERROR -> // ERROR T: msg -> the run fails with msg
                        throw new CamRuntimeError(ValuePrinter.escapeControls(((Value.Str) v).value()));
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

        /** Charges a primitive's work to the fuel (the {@link Meter} primitives see). */
        @Override public void charge(long units) {
            fuel -= units;
            if (fuel < 0 || units < 0) {
                fuel = -1;
                throw outOfFuel();
            }
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
            foldEnvs = java.util.Arrays.copyOf(foldEnvs, n);
            foldRests = java.util.Arrays.copyOf(foldRests, n);
        }
    }
}
