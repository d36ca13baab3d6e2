package hotsm.compiler.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

class IrPrinterTest {
    @Test
    void atoms() {
        assertEquals("id", IrPrinter.print(Term.ID));
        assertEquals("inl[_ + Int + String]", IrPrinter.print(new Inl(new Shape.Sum(Shape.INT, Shape.STR))));
        assertEquals("inr[(() + ()) + _]", IrPrinter.print(new Inr(new Shape.Sum(Shape.UNIT, Shape.UNIT))));
        assertEquals("const(inr (inl (-3)) : () + Int + ())",
                IrPrinter.print(new Const(new Shape.Sum(Shape.UNIT, new Shape.Sum(Shape.INT, Shape.UNIT)),
                        new Value.Inr(new Value.Inl(Value.of(-3))))));
        assertEquals("const(\"a\\\"b\" : String)", IrPrinter.print(new Const(Shape.STR, Value.of("a\"b"))));
        assertEquals("(+)", IrPrinter.print(new Prim(PrimOp.ADD)));
        assertEquals("showInt", IrPrinter.print(new Prim(PrimOp.SHOW_INT)));
    }

    @Test
    void stringsThatSayArrAreNotArrTerms() {
        IrAssertions.assertFixedSetOnly(Term.DROP.then(new Const(Shape.STR, Value.of("arr \\\" arr"))));
    }

    @Test
    void composeChainsAreFlattenedInExecutionOrder() {
        Term t = Term.FST.then(Term.SND.then(Term.DROP)).then(Term.GET);
        assertEquals("fst >>> snd >>> drop >>> get", IrPrinter.print(t));
    }

    @Test
    void operatorsFollowHaskellFixities() {
        Term t = new Fork(Term.FST, Term.SND).then(new Case(Term.ID, new Case(Term.FST.then(Term.SND), Term.DROP)));
        assertEquals("fst &&& snd >>> id ||| (fst >>> snd) ||| drop", IrPrinter.printFlat(t));
        assertEquals("(fst &&& snd) &&& id", IrPrinter.printFlat(new Fork(new Fork(Term.FST, Term.SND), Term.ID)));
        assertEquals("fst &&& (snd *** id)", IrPrinter.printFlat(new Fork(Term.FST, new Par(Term.SND, Term.ID))));
        assertEquals("fst &&& snd &&& id", IrPrinter.printFlat(new Fork(Term.FST, new Fork(Term.SND, Term.ID))));
    }

    @Test
    void longTermsAreLaidOutVertically() {
        Term lit = Term.DROP.then(new Const(Shape.STR, Value.of("x".repeat(60))));
        Term t = new Fork(Term.ID, Term.SND).then(Term.DIST).then(new Case(lit, Term.FST.then(Term.FST)));
        String printed = IrPrinter.print(t);
        assertEquals(String.join("\n",
                "    id &&& snd",
                ">>> dist",
                ">>> (    (drop >>> const(\"" + "x".repeat(60) + "\" : String))",
                "     ||| (fst >>> fst))"), printed);
        for (String line : printed.split("\n")) assertTrue(line.length() <= IrPrinter.WIDTH, line);
    }
}
