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
                String actual;
                try {
                    actual = outcome(() -> jit.run(argument, st, 100_000));
                } catch (JitRuntime.OutOfFuelSignal e) {
                    // Compiled code stops at a fuel boundary (StepCode then asks the interpreter): only where the
                    // interpreter runs out too (a primitive charging more than is left, e.g. a huge List.range).
                    assertTrue(expected.startsWith("error step limit"), () -> "seed " + seed + ": " + expected);
                    continue;
                }
                assertEquals(expected, actual, () -> "seed " + seed);
            }
            long fuel = 1 + Math.floorMod(seed + k, code.instructions().size() + 3);
            assertEquals(outcome(() -> Cam.run(code, argument, st, fuel)),
                    outcome(() -> StepCode.prepare(code).run(argument, st, fuel)), () -> "seed " + seed + " fuel " + fuel);
        }
    }

    /** A run's value and state, or its runtime error: what the interpreter and the JIT must agree on. */
    static String outcome(Supplier<Cam.Result> run) {
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

    /**
     * Arithmetic on constants is done when the class is written, and a
     * constant pair's components are constants: same values, same fuel, and a
     * division by a constant zero still fails when it runs, as in the
     * interpreter.
     */
    @Test
    void constantsFoldAsTheInterpreterComputes() {
        Shape pair = new Shape.Pair(Shape.INT, Shape.INT);
        List<Code> programs = List.of(
                Code.of(new Instruction.Quote(Shape.INT, Value.of(0)), new Instruction.Push(),
                        new Instruction.Quote(Shape.INT, Value.of(1_000_000)), new Instruction.Cons(),
                        new Instruction.Prim(hotsm.vm.bytecode.PrimOp.SUB)),
                Code.of(new Instruction.Quote(Shape.INT, Value.of(7)), new Instruction.Push(),
                        new Instruction.Quote(Shape.INT, Value.of(0)), new Instruction.Cons(),
                        new Instruction.Prim(hotsm.vm.bytecode.PrimOp.DIV)),
                Code.of(new Instruction.Push(), new Instruction.Quote(Shape.INT, Value.of(5)), new Instruction.Swap(),
                        new Instruction.Push(), new Instruction.Quote(Shape.INT, Value.of(6)), new Instruction.Cons(),
                        new Instruction.Snd(), new Instruction.Cons(), new Instruction.Fst(), new Instruction.Push(),
                        new Instruction.Cons()),
                Code.of(new Instruction.Quote(pair, Value.pair(Value.of(2), Value.of(3))), new Instruction.Push(),
                        new Instruction.Fst(), new Instruction.Swap(), new Instruction.Snd(), new Instruction.Cons(),
                        new Instruction.Prim(hotsm.vm.bytecode.PrimOp.MUL)));
        for (Code code : programs) {
            for (long fuel = 1; fuel <= code.instructions().size() + 2; fuel++) {
                long f = fuel;
                assertEquals(outcome(() -> Cam.run(code, Value.of(1), null, f)),
                        outcome(() -> StepCode.prepare(code).run(Value.of(1), null, f)), () -> code + " fuel " + f);
            }
            for (int chunk = 1; chunk <= 4; chunk++) {
                JitCode jit = Jit.compile(code, List.of(), chunk);
                assertEquals(outcome(() -> Cam.run(code, Value.of(1), null, 100)), outcome(() -> jit.run(Value.of(1), null, 100)));
            }
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
