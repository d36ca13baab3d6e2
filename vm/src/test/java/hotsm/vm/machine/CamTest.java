package hotsm.vm.machine;

import static hotsm.vm.testing.Asm.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import hotsm.vm.bytecode.Code;
import hotsm.vm.bytecode.Instruction;
import hotsm.vm.bytecode.PrimOp;
import hotsm.vm.types.Shape;
import hotsm.vm.value.Value;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CamTest {
    static final Value ONE = Value.of(1);
    static final Value TWO = Value.of(2);
    static final Value ST = Value.of("st");

    private static Value run(Value argument, Instruction... code) {
        return Cam.run(Code.of(code), argument, ST, 1_000).value();
    }

    private static Value prim(PrimOp op, Value a, Value b) {
        return run(Value.pair(a, b), hotsm.vm.testing.Asm.prim(op));
    }

    @Test
    void projections() {
        assertEquals(ONE, run(Value.pair(ONE, TWO), fst()));
        assertEquals(TWO, run(Value.pair(ONE, TWO), snd()));
    }

    @Test
    void pushSwapConsBuildPairs() {
        // PUSH; SND; SWAP; FST; CONS: (a, b) -> (b, a)
        assertEquals(Value.pair(TWO, ONE), run(Value.pair(ONE, TWO), push(), snd(), swap(), fst(), cons()));
        // PUSH; CONS: a -> (a, a)
        assertEquals(Value.pair(ONE, ONE), run(ONE, push(), cons()));
    }

    @Test
    void quoteReplacesTheRegister() {
        assertEquals(Value.of("x"), run(ONE, quote(Shape.STR, Value.of("x"))));
    }

    @Test
    void injections() {
        assertEquals(new Value.Inl(ONE), run(ONE, inl(Shape.STR)));
        assertEquals(new Value.Inr(ONE), run(ONE, inr(Shape.STR)));
        assertEquals(Value.TRUE, run(Value.UNIT, inr(Shape.UNIT)));
    }

    @Test
    void caseRunsOneBranchThenContinues() {
        Instruction c = caseOf(block(push(), cons()), block(inl(Shape.UNIT)));
        assertEquals(Value.pair(ONE, ONE), run(new Value.Inl(ONE), c));
        assertEquals(new Value.Inl(TWO), run(new Value.Inr(TWO), c));
        assertEquals(new Value.Inl(Value.pair(ONE, ONE)), run(new Value.Inl(ONE), c, inl(Shape.UNIT)));
    }

    @Test
    void distributesThePairOverTheSum() {
        assertEquals(new Value.Inl(Value.pair(ONE, TWO)), run(Value.pair(ONE, new Value.Inl(TWO)), dist()));
        assertEquals(new Value.Inr(Value.pair(ONE, TWO)), run(Value.pair(ONE, new Value.Inr(TWO)), dist()));
    }

    @Test
    void getAndPut() {
        Cam.Result r = Cam.run(Code.of(get()), ONE, ST, 10);
        assertEquals(new Cam.Result(ST, ST), r);
        r = Cam.run(Code.of(put()), ONE, ST, 10);
        assertEquals(new Cam.Result(Value.UNIT, ONE), r);
        CamRuntimeError e = assertThrows(CamRuntimeError.class, () -> Cam.run(Code.of(get()), ONE, null, 10));
        assertEquals("GET in pure code (no state register)", e.getMessage());
        assertThrows(CamRuntimeError.class, () -> Cam.run(Code.of(put()), ONE, null, 10));
    }

    @Test
    void arithmeticWrapsAndTruncates() {
        assertEquals(Value.of(3), prim(PrimOp.ADD, ONE, TWO));
        assertEquals(Value.of(Long.MIN_VALUE), prim(PrimOp.ADD, Value.of(Long.MAX_VALUE), ONE));
        assertEquals(Value.of(-1), prim(PrimOp.SUB, ONE, TWO));
        assertEquals(Value.of(-6), prim(PrimOp.MUL, Value.of(-3), TWO));
        assertEquals(Value.of(-3), prim(PrimOp.DIV, Value.of(-7), TWO));
        assertEquals(Value.of(-1), prim(PrimOp.MOD, Value.of(-7), TWO));
        assertEquals(Value.of(1), prim(PrimOp.MOD, Value.of(7), Value.of(-2)));
        assertEquals(Value.of(Long.MIN_VALUE), prim(PrimOp.DIV, Value.of(Long.MIN_VALUE), Value.of(-1)));
        assertEquals(Value.of(-5), run(Value.of(5), hotsm.vm.testing.Asm.prim(PrimOp.NEG)));
        assertEquals(Value.of(Long.MIN_VALUE), run(Value.of(Long.MIN_VALUE), hotsm.vm.testing.Asm.prim(PrimOp.NEG)));
    }

    @Test
    void divisionAndModuloByZeroAreRuntimeErrors() {
        CamRuntimeError e = assertThrows(CamRuntimeError.class, () -> prim(PrimOp.DIV, ONE, Value.of(0)));
        assertEquals("division by zero", e.getMessage());
        e = assertThrows(CamRuntimeError.class, () -> prim(PrimOp.MOD, ONE, Value.of(0)));
        assertEquals("division by zero", e.getMessage());
    }

    @Test
    void comparisons() {
        assertEquals(Value.TRUE, prim(PrimOp.LT, ONE, TWO));
        assertEquals(Value.FALSE, prim(PrimOp.LT, TWO, TWO));
        assertEquals(Value.TRUE, prim(PrimOp.LE, TWO, TWO));
        assertEquals(Value.TRUE, prim(PrimOp.GT, Value.of(3), TWO));
        assertEquals(Value.FALSE, prim(PrimOp.GE, ONE, TWO));
        assertEquals(Value.TRUE, prim(PrimOp.LT, Value.of("abc"), Value.of("abd")));
        assertEquals(Value.TRUE, prim(PrimOp.LT, Value.of("ab"), Value.of("abc")));
        assertEquals(Value.TRUE, prim(PrimOp.LT, Value.FALSE, Value.TRUE));
        assertEquals(Value.TRUE, prim(PrimOp.LT, new Value.Inl(Value.of(9)), new Value.Inr(Value.of(0))));
        assertEquals(Value.TRUE, prim(PrimOp.LT, new Value.Inr(ONE), new Value.Inr(TWO)));
        assertEquals(Value.TRUE, prim(PrimOp.LT, Value.pair(ONE, TWO), Value.pair(TWO, ONE)));
        assertEquals(Value.TRUE, prim(PrimOp.LT, Value.pair(ONE, ONE), Value.pair(ONE, TWO)));
        assertEquals(Value.TRUE, prim(PrimOp.LE, Value.UNIT, Value.UNIT));
        assertEquals(Value.FALSE, prim(PrimOp.LT, Value.UNIT, Value.UNIT));
    }

    @Test
    void equalityIsStructural() {
        Value a = Value.pair(Value.of("x"), new Value.Inr(Value.pair(ONE, Value.UNIT)));
        Value b = Value.pair(Value.of("x"), new Value.Inr(Value.pair(ONE, Value.UNIT)));
        assertEquals(Value.TRUE, prim(PrimOp.EQ, a, b));
        assertEquals(Value.FALSE, prim(PrimOp.NE, a, b));
        Value c = Value.pair(Value.of("x"), new Value.Inr(Value.pair(TWO, Value.UNIT)));
        assertEquals(Value.FALSE, prim(PrimOp.EQ, a, c));
        assertEquals(Value.TRUE, prim(PrimOp.NE, a, c));
    }

    @Test
    void strings() {
        assertEquals(Value.of("ab"), prim(PrimOp.CONCAT, Value.of("a"), Value.of("b")));
        assertEquals(Value.of("-42"), run(Value.of(-42), hotsm.vm.testing.Asm.prim(PrimOp.SHOW_INT)));
        assertEquals(Value.of(3), run(Value.of("abc"), hotsm.vm.testing.Asm.prim(PrimOp.LENGTH)));
        // Code points (LANGUAGE.md §12), not UTF-16 units: one emoji is one.
        assertEquals(Value.of(1), run(Value.of("\uD83D\uDE00"), hotsm.vm.testing.Asm.prim(PrimOp.LENGTH)));
    }

    @Test
    void stringsCannotGrowWithoutBound() {
        // s -> s ++ s, thirty times: 2^30 characters.
        List<Instruction> code = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            code.add(push());
            code.add(cons());
            code.add(hotsm.vm.testing.Asm.prim(PrimOp.CONCAT));
        }
        CamRuntimeError e = assertThrows(CamRuntimeError.class,
                () -> Cam.run(new Code(code), Value.of("ab"), null, 10_000_000));
        assertEquals("string of 2097152 characters is longer than the limit of 1048576", e.getMessage());
    }

    @Test
    void buildingStringsCostsFuelPerCharacter() {
        // "abcd" ++ "abcd": 3 instructions and 8 characters.
        Code code = Code.of(push(), cons(), hotsm.vm.testing.Asm.prim(PrimOp.CONCAT));
        assertEquals(Value.of("abcdabcd"), Cam.run(code, Value.of("abcd"), null, 11).value());
        assertThrows(CamRuntimeError.class, () -> Cam.run(code, Value.of("abcd"), null, 10));
    }

    @Test
    void fuelCountsInstructions() {
        Code code = Code.of(fst(), fst(), fst());
        Value v = Value.pair(Value.pair(Value.pair(ONE, ONE), ONE), ONE);
        assertEquals(ONE, Cam.run(code, v, null, 3).value());
        CamRuntimeError e = assertThrows(CamRuntimeError.class, () -> Cam.run(code, v, null, 2));
        assertEquals("step limit of 2 instructions exceeded", e.getMessage());
    }

    @Test
    void comparingHugeSharedValuesCostsFuel() {
        // v -> (v, v), sixty times: a value of 2^60 nodes sharing 60; comparing it with itself rebuilt must stop.
        List<Instruction> build = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            build.add(push());
            build.add(cons());
        }
        List<Instruction> code = new ArrayList<>(build);
        code.add(push());
        code.add(quote(Shape.INT, ONE));
        code.addAll(build);
        code.add(cons());
        code.add(hotsm.vm.testing.Asm.prim(PrimOp.EQ));
        assertThrows(CamRuntimeError.class, () -> Cam.run(new Code(code), ONE, null, 1_000_000));
    }

    @Test
    void deepBranchNestingRunsWithoutJavaRecursion() {
        // c(k+1) = CASE c(k) c(k); INL, nested 50,000 deep: takes Inl^k () to Inl^(k+1) ().
        int depth = 50_000;
        Code c = Code.of(inl(Shape.UNIT));
        for (int i = 0; i < depth; i++) c = Code.of(caseOf(c, c), inl(Shape.UNIT));
        Value v = Value.UNIT;
        for (int i = 0; i < depth; i++) v = new Value.Inl(v);
        Value out = Cam.run(c, v, null, 1_000_000).value();
        int n = 0;
        while (out instanceof Value.Inl l) {
            out = l.value();
            n++;
        }
        assertEquals(depth + 1, n);
        assertEquals(Value.UNIT, out);
    }

    @Test
    void traceShowsEachInstructionWithTheRegisters() {
        List<String> lines = new ArrayList<>();
        Code code = Code.of(caseOf(block(push(), cons()), block()), fst());
        Cam.Result r = Cam.run(LoadedCode.load(code), new Value.Inl(ONE), null, 100, CamTrace.to(lines::add));
        assertEquals(ONE, r.value());
        assertEquals(List.of(
                "  0  CASE   v = inl 1  s = 0",
                ".   0  PUSH   v = 1  s = 0",
                ".   1  CONS   v = 1  s = 1",
                "  1  FST    v = (1, 1)  s = 0"), lines);
    }

    @Test
    void illTypedCodeFailsCleanly() {
        assertThrows(CamRuntimeError.class, () -> run(ONE, fst()));
        assertThrows(CamRuntimeError.class, () -> run(ONE, swap()));
        assertThrows(CamRuntimeError.class, () -> run(ONE, cons()));
        assertThrows(CamRuntimeError.class, () -> run(ONE, caseOf(block(), block())));
        assertThrows(CamRuntimeError.class, () -> run(ONE, dist()));
        assertThrows(CamRuntimeError.class, () -> run(ONE, hotsm.vm.testing.Asm.prim(PrimOp.LENGTH)));
    }
}
