package hotsm.compiler.codegen;

import static hotsm.compiler.codegen.Outcomes.cam;
import static hotsm.compiler.codegen.Outcomes.reference;
import static org.junit.jupiter.api.Assertions.assertEquals;

import hotsm.compiler.ir.IrTyping;
import hotsm.compiler.ir.RandomTerms;
import hotsm.vm.bytecode.Code;
import hotsm.vm.bytecode.Disassembler;
import hotsm.vm.verify.Verifier;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The two back ends agree: for random well-typed IR terms (with lists, maps,
 * folds, shared definitions called through CALL and error), arguments and
 * states, the compiled CAM code has the term's type according to the vm's
 * verifier, and running it gives the reference interpreter's output and new
 * state, or both stop with a run-time error.
 */
class CamAgreesWithIrInterpreterTest {

    @Provide Arbitrary<RandomTerms.Sample> samples() { return RandomTerms.samples(6); }

    @Property(tries = 1500)
    void camAgreesWithTheReferenceInterpreter(@ForAll("samples") RandomTerms.Sample s) {
        assertEquals(s.codomain(), IrTyping.typeOf(s.term(), s.domain(), s.stateShape()), "generator made an ill-typed term");
        BlockTable blocks = new BlockTable();
        Code code = CamCompiler.compile(s.term(), blocks);
        assertEquals(s.codomain(), Verifier.typeOf(code, s.domain(), s.stateShape(), blocks.blocks()),
                () -> "the verifier's type of\n" + Disassembler.code(code, "  "));
        assertEquals(reference(s), cam(code, blocks, s), () -> "on " + s + "\ncode\n" + Disassembler.code(code, "  "));
    }
}
