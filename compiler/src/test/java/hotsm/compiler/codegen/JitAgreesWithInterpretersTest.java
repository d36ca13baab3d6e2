package hotsm.compiler.codegen;

import static hotsm.compiler.codegen.Outcomes.cam;
import static hotsm.compiler.codegen.Outcomes.jit;
import static hotsm.compiler.codegen.Outcomes.reference;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hotsm.compiler.ir.RandomTerms;
import hotsm.vm.bytecode.Code;
import hotsm.vm.bytecode.Disassembler;
import hotsm.vm.jit.Jit;
import hotsm.vm.jit.JitCode;
import hotsm.vm.jit.StepCode;
import hotsm.vm.machine.Cam;
import hotsm.vm.machine.CamRuntimeError;
import hotsm.vm.machine.LoadedCode;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

/**
 * The third back end joins the law: on random well-typed IR terms, the JIT's
 * compiled class, the CAM interpreter and the reference IR interpreter give
 * the same output and new state, or all fail. With little fuel, the JIT tier
 * as machines run it ({@link StepCode}) stops exactly where the interpreter
 * does, with the interpreter's message.
 */
class JitAgreesWithInterpretersTest {

    @Provide Arbitrary<RandomTerms.Sample> samples() { return RandomTerms.samples(6); }

    @Property(tries = 800)
    void jitAgreesWithTheInterpreterAndTheReference(@ForAll("samples") RandomTerms.Sample s) {
        BlockTable blocks = new BlockTable();
        Code code = CamCompiler.compile(s.term(), blocks);
        JitCode jit = Jit.compile(code, blocks.blocks());
        Outcomes.Outcome reference = reference(s);
        assertEquals(reference, cam(code, blocks, s), () -> "CAM on " + s);
        assertEquals(reference, jit(jit, s), () -> "JIT on " + s + "\ncode\n" + Disassembler.code(code, "  "));
    }

    @Property(tries = 400)
    void theJitTierStopsWhereTheInterpreterStops(@ForAll("samples") RandomTerms.Sample s,
                                                @ForAll @LongRange(min = 1, max = 300) long fuel) {
        BlockTable blocks = new BlockTable();
        Code code = CamCompiler.compile(s.term(), blocks);
        StepCode tiers = StepCode.prepare(code, blocks.blocks());
        assertTrue(tiers.compiled(), () -> "refused: " + tiers.refusal());
        String expected = describe(() -> Cam.run(LoadedCode.load(code, blocks.blocks()), s.argument(), s.state(), fuel));
        assertEquals(expected, describe(() -> tiers.run(s.argument(), s.state(), fuel)), () -> "fuel " + fuel + " on " + s);
    }

    private static String describe(java.util.function.Supplier<Cam.Result> run) {
        try {
            Cam.Result r = run.get();
            return "ok " + r.value() + " " + r.state();
        } catch (CamRuntimeError e) {
            return "error " + e.getMessage();
        }
    }
}
