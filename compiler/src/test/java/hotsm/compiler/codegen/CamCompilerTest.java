package hotsm.compiler.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import hotsm.compiler.ir.Term;
import hotsm.vm.bytecode.Code;
import hotsm.vm.bytecode.Instruction;
import hotsm.vm.bytecode.PrimOp;
import hotsm.vm.types.Shape;
import hotsm.vm.value.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The translation table, one hand-built term per row. */
class CamCompilerTest {

    private static final Instruction FST = new Instruction.Fst();
    private static final Instruction SND = new Instruction.Snd();
    private static final Instruction PUSH = new Instruction.Push();
    private static final Instruction SWAP = new Instruction.Swap();
    private static final Instruction CONS = new Instruction.Cons();

    private static void assertCode(Term term, Instruction... expected) {
        assertEquals(List.of(expected), CamCompiler.compile(term).instructions());
    }

    @Test void idIsNothing() { assertCode(Term.ID); }

    @Test void composeRunsTheRightOperandFirst() {
        assertCode(new Term.Compose(Term.SND, Term.FST), FST, SND);
        assertCode(Term.FST.then(Term.SND).then(Term.ID), FST, SND);
    }

    @Test void projections() {
        assertCode(Term.FST, FST);
        assertCode(Term.SND, SND);
    }

    @Test void forkSavesTheArgument() {
        assertCode(new Term.Fork(Term.SND, Term.FST), PUSH, SND, SWAP, FST, CONS);
    }

    @Test void forkOfIdDropsTheUselessSwap() {
        assertCode(new Term.Fork(Term.ID, Term.FST), PUSH, FST, CONS);
        assertCode(new Term.Fork(Term.ID, Term.ID), PUSH, CONS);
    }

    @Test void parProjectsEachSide() {
        Term neg = new Term.Prim(PrimOp.NEG);
        assertCode(new Term.Par(neg, Term.ID), PUSH, FST, new Instruction.Prim(PrimOp.NEG), SWAP, SND, CONS);
    }

    @Test void dropQuotesUnit() {
        assertCode(Term.DROP, new Instruction.Quote(Shape.UNIT, Value.UNIT));
    }

    @Test void injectionsKeepTheirAnnotation() {
        assertCode(new Term.Inl(Shape.INT), new Instruction.Inl(Shape.INT));
        assertCode(new Term.Inr(Shape.STR), new Instruction.Inr(Shape.STR));
    }

    @Test void caseCarriesBothBranches() {
        Term t = new Term.Compose(new Term.Case(Term.SND, new Term.Compose(Term.FST, Term.SND)), Term.DIST);
        assertCode(t, new Instruction.Dist(),
                new Instruction.Case(Code.of(SND), Code.of(SND, FST)));
    }

    @Test void nestedCasesAndCodeAfterThem() {
        Term inner = new Term.Case(Term.ID, Term.DROP);
        Term t = new Term.Case(inner, Term.ID).then(new Term.Inl(Shape.UNIT));
        assertCode(t, new Instruction.Case(
                        Code.of(new Instruction.Case(Code.of(), Code.of(new Instruction.Quote(Shape.UNIT, Value.UNIT)))),
                        Code.of()),
                new Instruction.Inl(Shape.UNIT));
    }

    @Test void aQuoteOverwrittenAtOnceIsDropped() {
        Term constant = new Term.Const(Shape.INT, Value.of(7));
        assertCode(Term.DROP.then(constant), new Instruction.Quote(Shape.INT, Value.of(7)));
        assertCode(Term.DROP.then(Term.GET), new Instruction.Get());
        assertCode(Term.DROP.then(Term.DROP).then(Term.PUT), new Instruction.Quote(Shape.UNIT, Value.UNIT), new Instruction.Put());
        // not across a branch: the quote inside CASE stays
        assertCode(new Term.Case(Term.DROP, Term.DROP).then(constant),
                new Instruction.Case(Code.of(new Instruction.Quote(Shape.UNIT, Value.UNIT)),
                        Code.of(new Instruction.Quote(Shape.UNIT, Value.UNIT))),
                new Instruction.Quote(Shape.INT, Value.of(7)));
    }

    @Test void constantPrimitiveAndState() {
        assertCode(new Term.Const(Shape.INT, Value.of(7)), new Instruction.Quote(Shape.INT, Value.of(7)));
        assertCode(new Term.Prim(PrimOp.ADD), new Instruction.Prim(PrimOp.ADD));
        assertCode(Term.GET, new Instruction.Get());
        assertCode(Term.PUT, new Instruction.Put());
    }

    @Test void deepTermsNeedNoDeepJavaStack() {
        Term left = Term.ID;
        Term right = Term.ID;
        Term forks = Term.ID;
        for (int i = 0; i < 200_000; i++) {
            left = new Term.Compose(Term.FST, left);
            right = new Term.Compose(right, Term.SND);
            forks = new Term.Fork(forks, Term.ID);
        }
        assertEquals(200_000, CamCompiler.compile(left).instructions().size());
        assertEquals(200_000, CamCompiler.compile(right).instructions().size());
        // Fork f Id: PUSH [f] SWAP CONS each; the innermost Fork has f = Id, so its SWAP goes.
        assertEquals(3 * 200_000 - 1, CamCompiler.compile(forks).instructions().size());
    }
}
