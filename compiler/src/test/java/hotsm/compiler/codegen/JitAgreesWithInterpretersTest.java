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
import hotsm.vm.jit.ResidentState;
import hotsm.vm.jit.StepCode;
import hotsm.vm.machine.Cam;
import hotsm.vm.machine.CamRuntimeError;
import hotsm.vm.machine.LoadedCode;
import hotsm.vm.value.Value;
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

    /**
     * Compiled for the sample's state shape (an Int state kept as a long, pairs
     * of Ints as longs), the class agrees through both entries: a run from a
     * state value, and a step on a {@link ResidentState}, which a failing step
     * leaves as it was.
     */
    @Property(tries = 400)
    void theResidentStateAgreesWithTheReference(@ForAll("samples") RandomTerms.Sample s) {
        BlockTable blocks = new BlockTable();
        Code code = CamCompiler.compile(s.term(), blocks);
        Outcomes.Outcome reference = reference(s);
        JitCode jit = Jit.compile(code, blocks.blocks(), s.stateShape());
        assertEquals(reference, jit(jit, s), () -> "JIT run on " + s + "\ncode\n" + Disassembler.code(code, "  "));
        StepCode tiers = StepCode.prepare(code, blocks.blocks(), s.stateShape());
        assertTrue(tiers.compiled(), () -> "refused: " + tiers.refusal());
        ResidentState resident = tiers.resident(s.state());
        Outcomes.Outcome stepped;
        try {
            Value output = resident.step(s.argument(), Outcomes.FUEL);
            stepped = Outcomes.Outcome.of(output, resident.state());
        } catch (CamRuntimeError e) {
            stepped = Outcomes.Outcome.FAILED;
            assertEquals(s.state(), resident.state(), () -> "the state after a failed step, on " + s);
        }
        assertEquals(reference, stepped, () -> "JIT step on " + s + "\ncode\n" + Disassembler.code(code, "  "));
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
