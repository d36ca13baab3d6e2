package hotsm.compiler.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hotsm.compiler.ir.Term.Case;
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

class IrTypingTest {
    private static final Shape INTS = new Shape.Pair(Shape.INT, Shape.INT);

    private static Shape type(Term t, Shape in) { return IrTyping.typeOf(t, in, null); }

    @Test
    void rulesOfEveryTerm() {
        assertEquals(INTS, type(Term.ID, INTS));
        assertEquals(Shape.INT, type(Term.FST, new Shape.Pair(Shape.INT, Shape.STR)));
        assertEquals(Shape.STR, type(Term.SND, new Shape.Pair(Shape.INT, Shape.STR)));
        assertEquals(new Shape.Pair(Shape.INT, Shape.INT), type(new Fork(Term.ID, Term.ID), Shape.INT));
        assertEquals(new Shape.Pair(Shape.STR, Shape.INT),
                type(new Par(new Prim(PrimOp.SHOW_INT), Term.ID), INTS));
        assertEquals(Shape.UNIT, type(Term.DROP, INTS));
        assertEquals(new Shape.Sum(Shape.INT, Shape.STR), type(new Inl(Shape.STR), Shape.INT));
        assertEquals(new Shape.Sum(Shape.STR, Shape.INT), type(new Inr(Shape.STR), Shape.INT));
        assertEquals(Shape.INT, type(new Case(Term.ID, new Prim(PrimOp.LENGTH)), new Shape.Sum(Shape.INT, Shape.STR)));
        assertEquals(new Shape.Sum(new Shape.Pair(Shape.INT, Shape.UNIT), new Shape.Pair(Shape.INT, Shape.UNIT)),
                type(Term.DIST, new Shape.Pair(Shape.INT, Shape.BOOL)));
        assertEquals(Shape.BOOL, type(new Const(Shape.BOOL, Value.TRUE), Shape.UNIT));
        assertEquals(Shape.BOOL, type(new Prim(PrimOp.LT), new Shape.Pair(Shape.BOOL, Shape.BOOL)));
        assertEquals(Shape.INT, type(Term.FST.then(Term.ID), INTS));
        assertEquals(Shape.STR, IrTyping.typeOf(Term.GET, Shape.UNIT, Shape.STR));
        assertEquals(Shape.UNIT, IrTyping.typeOf(Term.PUT, Shape.STR, Shape.STR));
    }

    private static void rejected(Term t, Shape in, Shape state, String fragment) {
        IrTypeError e = assertThrows(IrTypeError.class, () -> IrTyping.typeOf(t, in, state));
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    @Test
    void illTypedTermsAreRejectedWithTheReason() {
        rejected(Term.FST, Shape.INT, null, "expects a pair as input, got Int");
        rejected(Term.DIST, INTS, null, "expects (E, A + B)");
        rejected(new Case(Term.ID, Term.DROP), new Shape.Sum(Shape.INT, Shape.INT), null, "branches disagree");
        rejected(new Case(Term.ID, Term.ID), Shape.INT, null, "expects a sum");
        rejected(new Const(Shape.INT, Value.of("x")), Shape.UNIT, null, "does not have the declared shape");
        rejected(new Const(Shape.INT, Value.of(1)), Shape.INT, null, "expects () as input");
        rejected(new Prim(PrimOp.ADD), new Shape.Pair(Shape.INT, Shape.STR), null, "(+) expects (Int, Int)");
        rejected(new Prim(PrimOp.EQ), new Shape.Pair(Shape.INT, Shape.STR), null, "same type");
        rejected(Term.GET, Shape.UNIT, null, "only allowed where there is a state");
        rejected(Term.PUT, Shape.INT, Shape.STR, "expects the state type String");
        rejected(Term.GET, Shape.INT, Shape.STR, "expects () as input");
    }
}
