package hotsm.vm.jit;

import static hotsm.vm.jit.JitTest.outcome;
import static org.junit.jupiter.api.Assertions.assertEquals;

import hotsm.vm.bytecode.Code;
import hotsm.vm.bytecode.Instruction;
import hotsm.vm.bytecode.PrimOp;
import hotsm.vm.bytecode.SharedBlock;
import hotsm.vm.machine.Cam;
import hotsm.vm.types.Shape;
import hotsm.vm.value.Value;
import hotsm.vm.verify.Verifier;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The JIT's representations ({@link Rep}, {@link Layout}) against the
 * interpreter, on verified code written instruction by instruction: Ints
 * kept as longs at the edges of the small-Int cache and at Long's limits
 * (wrapping, {@code MIN / -1}, {@code MIN % -1}, {@code -MIN}), pairs that
 * escape into the state and into sums, a CALL passing and returning pairs
 * (through the frame's return slots, and past them as an object), and
 * branches leaving a long and an object. Every program agrees with the
 * interpreter at every fuel from 1 to past its end, in methods of one to
 * four instructions and whole.
 */
class JitRepresentationTest {
    private static final Shape INT = Shape.INT;
    private static final Shape PAIR = new Shape.Pair(INT, INT);
    private static final long[] EDGES = {-129, -128, -127, 0, 1022, 1023, 1024, Long.MAX_VALUE, Long.MIN_VALUE,
            Long.MAX_VALUE - 1, Long.MIN_VALUE + 1, -1, 1};

    private static Instruction quote(long n) { return new Instruction.Quote(INT, Value.of(n)); }

    private static Instruction prim(PrimOp op) { return new Instruction.Prim(op); }

    private static final Instruction PUSH = new Instruction.Push(), CONS = new Instruction.Cons(), SWAP = new Instruction.Swap(),
            FST = new Instruction.Fst(), SND = new Instruction.Snd();

    /** {@code (n, k) -> n op k} for every arithmetic primitive, and {@code -n}: Int -> Int. */
    @Test
    void intsAtTheCacheEdgesAndLongLimitsAreTheInterpreters() {
        for (PrimOp op : List.of(PrimOp.ADD, PrimOp.SUB, PrimOp.MUL, PrimOp.DIV, PrimOp.MOD)) {
            for (long k : EDGES) {
                // n op (n op k): from an object and a constant, then from an object and a long
                Code code = Code.of(PUSH, PUSH, quote(k), CONS, prim(op), CONS, prim(op));
                check(code, List.of(), INT, INT, null);
                Code swapped = Code.of(PUSH, quote(k), SWAP, CONS, prim(op));
                check(swapped, List.of(), INT, INT, null);
            }
        }
        check(Code.of(prim(PrimOp.NEG), PUSH, quote(1), CONS, prim(PrimOp.SUB), prim(PrimOp.NEG)), List.of(), INT, INT, null);
    }

    /** A pair of computed Ints put into the state, and the state read back: Int -> Int, state (Int, Int). */
    @Test
    void pairsEscapeIntoTheState() {
        Code code = Code.of(PUSH, PUSH, quote(1), CONS, prim(PrimOp.ADD), CONS, PUSH, new Instruction.Put(),
                new Instruction.Get(), SWAP, CONS, SND, SND);
        check(code, List.of(), INT, INT, PAIR);
    }

    /**
     * A sum of a pair built (Inl), taken apart by DIST and CASE with a
     * constant tag and with a computed one (a comparison), the branches
     * leaving a long and an object: Int -> (Int, Int) + Int.
     */
    @Test
    void sumsOfPairsAndBranchesOfMixedLayouts() {
        Shape out = new Shape.Sum(PAIR, INT);
        Code branchy = Code.of(
                PUSH, PUSH, quote(1023), CONS, prim(PrimOp.LT), CONS, new Instruction.Dist(),
                new Instruction.Case(
                        Code.of(FST, PUSH, quote(1), CONS, prim(PrimOp.ADD)),   // n >= 1023: n + 1, a long
                        Code.of(FST)),                                            // n < 1023: n, an object
                PUSH, PUSH, CONS, new Instruction.Inl(INT), CONS, new Instruction.Dist(),
                new Instruction.Case(Code.of(SND, new Instruction.Inl(INT)), Code.of(SND, new Instruction.Inr(PAIR))));
        check(branchy, List.of(), INT, out, null);
    }

    /**
     * A computed Int (a long) injected into a sum, by INL and by INR, with a
     * constant tag and in branches of a computed one: boxed with its sum
     * without the small-Int cache (JitRuntime.inrInt), so at the cache's
     * edges too: Int -> Int + Int.
     */
    @Test
    void intsInjectedIntoSums() {
        Shape out = new Shape.Sum(INT, INT);
        check(Code.of(PUSH, quote(1), CONS, prim(PrimOp.ADD), new Instruction.Inr(INT)), List.of(), INT, out, null);
        check(Code.of(PUSH, quote(-1), CONS, prim(PrimOp.ADD), new Instruction.Inl(INT)), List.of(), INT, out, null);
        Code branchy = Code.of(
                PUSH, PUSH, quote(1023), CONS, prim(PrimOp.LT), CONS, new Instruction.Dist(),
                new Instruction.Case(
                        Code.of(FST, PUSH, quote(1), CONS, prim(PrimOp.ADD), new Instruction.Inl(INT)),
                        Code.of(FST, PUSH, quote(1), CONS, prim(PrimOp.SUB), new Instruction.Inr(INT))));
        check(branchy, List.of(), INT, out, null);
    }

    /**
     * CALL of a block taking and returning pairs: (Int, Int) -> (Int, Int)
     * through the frame's return slots, and Int -> six Ints, past them.
     */
    @Test
    void callsPassAndReturnPairs() {
        SharedBlock swap = new SharedBlock("swap", PAIR, PAIR, Code.of(PUSH, SND, SWAP, FST, CONS));
        Shape six = new Shape.Pair(INT, new Shape.Pair(INT, new Shape.Pair(INT, new Shape.Pair(INT, new Shape.Pair(INT, INT)))));
        Code spread = Code.of(PUSH, PUSH, PUSH, PUSH, PUSH, PUSH, quote(1024), CONS, prim(PrimOp.SUB), CONS, CONS, CONS, CONS, CONS);
        SharedBlock sixOf = new SharedBlock("six", INT, six, spread);
        Code code = Code.of(PUSH, PUSH, quote(1), CONS, prim(PrimOp.ADD), CONS, new Instruction.Call(0), PUSH, FST, SWAP,
                SND, CONS, prim(PrimOp.SUB), new Instruction.Call(1), SND, SND, SND, SND, PUSH, FST, SWAP, SND, CONS,
                prim(PrimOp.MUL));
        check(code, List.of(swap, sixOf), INT, INT, null);
    }

    /**
     * FOLD with an Int accumulator (a long from element to element) and with
     * an object one: Int -> Int.
     */
    @Test
    void foldsKeepAnIntAccumulatorAsALong() {
        Shape list = new Shape.ListOf(INT);
        Value elements = Value.ListOf.of(List.of(Value.of(1), Value.of(1000), Value.of(-5), Value.of(Long.MAX_VALUE),
                Value.of(3)));
        // body: (e, (acc, x)) -> acc + x * e
        Code body = Code.of(PUSH, SND, FST, SWAP, PUSH, SND, SND, SWAP, FST, CONS, prim(PrimOp.MUL), CONS, prim(PrimOp.ADD));
        Instruction xs = new Instruction.Quote(list, elements);
        Code computed = Code.of(PUSH, PUSH, quote(1), CONS, prim(PrimOp.ADD), PUSH, xs, CONS, CONS, new Instruction.Fold(body));
        check(computed, List.of(), INT, INT, null);
        Code argument = Code.of(PUSH, PUSH, xs, CONS, CONS, new Instruction.Fold(body));
        check(argument, List.of(), INT, INT, null);
    }

    private static void check(Code code, List<SharedBlock> shared, Shape input, Shape output, Shape state) {
        Verifier.verifyCode("test", code, input, output, state, shared);
        int length = count(code, shared);
        for (long n : EDGES) {
            Value argument = Value.of(n);
            Value st = state == null ? null : Value.pair(Value.of(n), Value.of(-n));
            String expected = outcome(() -> Cam.run(code, shared, argument, st, 10_000));
            for (int chunk = 1; chunk <= 5; chunk++) {
                JitCode jit = Jit.compile(code, shared, chunk == 5 ? ClassGenerator.CHUNK : chunk);
                assertEquals(expected, outcome(() -> jit.run(argument, st, 10_000)), () -> code + " on " + n);
            }
            StepCode tiers = StepCode.prepare(code, shared);
            for (long fuel = 1; fuel <= length + 3; fuel++) {
                long f = fuel;
                assertEquals(outcome(() -> Cam.run(code, shared, argument, st, f)), outcome(() -> tiers.run(argument, st, f)),
                        () -> code + " on " + n + " fuel " + f);
            }
        }
    }

    /** An upper bound of the instructions a run executes (folds here have five elements). */
    private static int count(Code code, List<SharedBlock> shared) {
        int n = 0;
        for (Instruction i : code.instructions()) {
            n += 2;
            if (i instanceof Instruction.Case c) n += count(c.left(), shared) + count(c.right(), shared);
            if (i instanceof Instruction.Call k) n += count(shared.get(k.block()).code(), shared);
            if (i instanceof Instruction.Fold f) n += 6 * count(f.body(), shared);
        }
        return n;
    }
}
