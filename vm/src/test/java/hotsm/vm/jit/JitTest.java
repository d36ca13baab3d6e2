package hotsm.vm.jit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hotsm.vm.bytecode.Artifact;
import hotsm.vm.bytecode.Code;
import hotsm.vm.bytecode.Instruction;
import hotsm.vm.bytecode.UpgradeSection;
import hotsm.vm.machine.Cam;
import hotsm.vm.machine.CamRuntimeError;
import hotsm.vm.testing.RandomArtifacts;
import hotsm.vm.testing.SampleArtifacts;
import hotsm.vm.testing.WellTypedCode;
import hotsm.vm.types.Shape;
import hotsm.vm.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * The JIT on code written straight in CAM instructions (the compiler's law
 * covers code the compiler writes): random well-typed blocks, cut into
 * methods of one to four instructions so the chaining and the spilling of
 * stack slots across calls are exercised, agree with the interpreter; with
 * little fuel the tier machines run stops where the interpreter does.
 */
class JitTest {

    @Property(tries = 400)
    void compiledCodeAgreesWithTheInterpreter(@ForAll long seed) {
        RandomArtifacts random = new RandomArtifacts(seed);
        Shape input = random.shape(2);
        Shape state = seed % 3 == 0 ? null : random.shape(2);
        Code code = new WellTypedCode(seed, state).block(input, 1 + (int) Math.floorMod(seed, 40L), 3).code();
        List<JitCode> compiled = new ArrayList<>();
        for (int chunk = 1; chunk <= 4; chunk++) compiled.add(Jit.compile(code, List.of(), chunk));
        compiled.add(Jit.compile(code));
        for (int k = 0; k < 3; k++) {
            Value argument = random.value(input);
            Value st = state == null ? null : random.value(state);
            String expected = outcome(() -> Cam.run(code, argument, st, 100_000));
            for (JitCode jit : compiled) {
                String actual = outcome(() -> jit.run(argument, st, 100_000));
                // Compiled code may stop early at a fuel boundary (StepCode then asks the interpreter); never here.
                assertEquals(expected, actual, () -> "seed " + seed);
            }
            long fuel = 1 + Math.floorMod(seed + k, code.instructions().size() + 3);
            assertEquals(outcome(() -> Cam.run(code, argument, st, fuel)),
                    outcome(() -> StepCode.prepare(code).run(argument, st, fuel)), () -> "seed " + seed + " fuel " + fuel);
        }
    }

    private static String outcome(Supplier<Cam.Result> run) {
        try {
            Cam.Result r = run.get();
            return "ok " + r.value() + " " + r.state();
        } catch (CamRuntimeError e) {
            return "error " + e.getMessage();
        }
    }

    @Test
    void everySampleMachineCompiles() {
        for (Artifact a : SampleArtifacts.all()) {
            StepCode step = StepCode.prepare(a.step(), a.blocks());
            assertTrue(step.compiled(), () -> a.name() + ": " + step.refusal());
            for (UpgradeSection u : a.upgrades()) Jit.compile(u.migration());
        }
    }

    @Test
    void getInPureCodeFailsAsInTheInterpreter() {
        Code get = Code.of(new Instruction.Get());
        CamRuntimeError e = assertThrows(CamRuntimeError.class, () -> Jit.compile(get).run(Value.UNIT, null, 10));
        assertEquals(assertThrows(CamRuntimeError.class, () -> Cam.run(get, Value.UNIT, null, 10)).getMessage(),
                e.getMessage());
    }

    @Test
    void theJitCanBeTurnedOffAndSaysWhy() {
        StepCode interpreted = StepCode.interpreted(SampleArtifacts.counter1().step());
        assertFalse(interpreted.compiled());
        assertTrue(interpreted.refusal().isPresent());
    }
}
