package hotsm.compiler.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import hotsm.compiler.ir.Term.Case;
import hotsm.compiler.ir.Term.Compose;
import hotsm.compiler.ir.Term.Const;
import hotsm.compiler.ir.Term.Fork;
import hotsm.compiler.ir.Term.Inl;
import hotsm.compiler.ir.Term.Inr;
import hotsm.compiler.ir.Term.Par;
import hotsm.compiler.ir.Term.Prim;
import hotsm.vm.bytecode.PrimOp;
import hotsm.vm.types.Shape;
import hotsm.vm.value.Value;
import org.junit.jupiter.api.Test;

class IrInterpreterTest {
    private static final Value ONE = Value.of(1);
    private static final Value TWO = Value.of(2);

    private static Value eval(Term t, Value in) { return IrInterpreter.run(t, in, null).value(); }

    private static Value prim(PrimOp op, Value a, Value b) { return eval(new Prim(op), Value.pair(a, b)); }

    @Test
    void structuralTerms() {
        Value p = Value.pair(ONE, TWO);
        assertEquals(p, eval(Term.ID, p));
        assertEquals(ONE, eval(Term.FST, p));
        assertEquals(TWO, eval(Term.SND, p));
        assertEquals(Value.pair(TWO, ONE), eval(new Fork(Term.SND, Term.FST), p));
        assertEquals(Value.pair(Value.of(-1), Value.of(-2)), eval(new Par(new Prim(PrimOp.NEG), new Prim(PrimOp.NEG)), p));
        assertEquals(Value.UNIT, eval(Term.DROP, p));
        assertEquals(TWO, eval(new Compose(Term.SND, Term.ID), p));
        assertEquals(Value.of("x"), eval(new Const(Shape.STR, Value.of("x")), Value.UNIT));
    }

    @Test
    void sumsAndDist() {
        assertEquals(new Value.Inl(ONE), eval(new Inl(Shape.STR), ONE));
        assertEquals(new Value.Inr(ONE), eval(new Inr(Shape.STR), ONE));
        Term both = new Case(new Prim(PrimOp.NEG), new Prim(PrimOp.LENGTH));
        assertEquals(Value.of(-1), eval(both, new Value.Inl(ONE)));
        assertEquals(Value.of(3), eval(both, new Value.Inr(Value.of("abc"))));
        assertEquals(new Value.Inr(Value.pair(ONE, Value.UNIT)), eval(Term.DIST, Value.pair(ONE, Value.TRUE)));
        assertEquals(new Value.Inl(Value.pair(ONE, TWO)), eval(Term.DIST, Value.pair(ONE, new Value.Inl(TWO))));
    }

    @Test
    void stateIsARegister() {
        Term incr = new Fork(Term.GET, new Const(Shape.INT, ONE)).then(new Prim(PrimOp.ADD)).then(Term.PUT);
        IrInterpreter.Result r = IrInterpreter.run(new Fork(incr, Term.GET), Value.UNIT, Value.of(41));
        assertEquals(Value.pair(Value.UNIT, Value.of(42)), r.value());
        assertEquals(Value.of(42), r.state());
        assertThrows(IrRuntimeError.class, () -> IrInterpreter.run(Term.GET, Value.UNIT, null));
    }

    @Test
    void arithmeticWrapsAndTruncates() {
        assertEquals(Value.of(Long.MIN_VALUE), prim(PrimOp.ADD, Value.of(Long.MAX_VALUE), ONE));
        assertEquals(Value.of(-3), prim(PrimOp.SUB, ONE, Value.of(4)));
        assertEquals(Value.of(-2), prim(PrimOp.DIV, Value.of(-7), Value.of(3)));
        assertEquals(Value.of(-1), prim(PrimOp.MOD, Value.of(-7), Value.of(3)));
        assertEquals(Value.of(1), prim(PrimOp.MOD, Value.of(7), Value.of(-3)));
        assertEquals(Value.of(Long.MIN_VALUE), prim(PrimOp.DIV, Value.of(Long.MIN_VALUE), Value.of(-1)));
        assertEquals(Value.of(6), prim(PrimOp.MUL, TWO, Value.of(3)));
        assertEquals(Value.of(Long.MIN_VALUE), eval(new Prim(PrimOp.NEG), Value.of(Long.MIN_VALUE)));
        IrRuntimeError div = assertThrows(IrRuntimeError.class, () -> prim(PrimOp.DIV, ONE, Value.of(0)));
        assertEquals("division by zero", div.getMessage());
        IrRuntimeError mod = assertThrows(IrRuntimeError.class, () -> prim(PrimOp.MOD, ONE, Value.of(0)));
        assertEquals("division by zero", mod.getMessage());
    }

    @Test
    void comparisons() {
        assertEquals(Value.TRUE, prim(PrimOp.LT, ONE, TWO));
        assertEquals(Value.FALSE, prim(PrimOp.GT, ONE, TWO));
        assertEquals(Value.TRUE, prim(PrimOp.LE, TWO, TWO));
        assertEquals(Value.TRUE, prim(PrimOp.GE, TWO, TWO));
        assertEquals(Value.TRUE, prim(PrimOp.LT, Value.of("ab"), Value.of("b")));
        assertEquals(Value.TRUE, prim(PrimOp.LT, Value.FALSE, Value.TRUE));
        assertEquals(Value.TRUE, prim(PrimOp.LT, new Value.Inr(ONE), new Value.Inr(TWO)));
        assertEquals(Value.TRUE, prim(PrimOp.LT, Value.pair(ONE, Value.of(9)), Value.pair(TWO, ONE)));
        assertEquals(Value.TRUE, prim(PrimOp.LT, Value.pair(ONE, ONE), Value.pair(ONE, TWO)));
        assertEquals(Value.FALSE, prim(PrimOp.LT, Value.UNIT, Value.UNIT));
        assertEquals(Value.TRUE, prim(PrimOp.EQ, Value.pair(ONE, Value.TRUE), Value.pair(ONE, Value.TRUE)));
        assertEquals(Value.TRUE, prim(PrimOp.NE, new Value.Inl(ONE), new Value.Inr(ONE)));
    }

    @Test
    void strings() {
        assertEquals(Value.of("ab"), prim(PrimOp.CONCAT, Value.of("a"), Value.of("b")));
        assertEquals(Value.of("-12"), eval(new Prim(PrimOp.SHOW_INT), Value.of(-12)));
        assertEquals(Value.of(3), eval(new Prim(PrimOp.LENGTH), Value.of("héj")));
    }

    @Test
    void forkRunsItsLeftSideFirst() {
        Term putOne = new Compose(Term.PUT, new Const(Shape.INT, ONE));
        Term r = new Fork(putOne.then(Term.GET), new Const(Shape.INT, TWO).then(Term.PUT).then(Term.GET));
        assertEquals(Value.pair(ONE, TWO), IrInterpreter.run(r, Value.UNIT, Value.of(0)).value());
    }
}
