package hotsm.vm.jit;

import static hotsm.vm.jit.JitTest.outcome;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hotsm.vm.bytecode.Artifact;
import hotsm.vm.bytecode.Code;
import hotsm.vm.machine.Cam;
import hotsm.vm.machine.CamRuntimeError;
import hotsm.vm.machine.LoadedCode;
import hotsm.vm.testing.RandomArtifacts;
import hotsm.vm.testing.SampleArtifacts;
import hotsm.vm.testing.WellTypedCode;
import hotsm.vm.types.Shape;
import hotsm.vm.value.Value;
import hotsm.vm.value.ValueSize;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * The resident form of a state ({@link ResidentState}) against the
 * interpreter: after every step, whether it finished, failed (an error, fuel
 * running out) or was undone (a refusal after it), the state read back is
 * the interpreter's, and a step that failed or was undone left the state
 * exactly as before it. Classes compiled with a state layout agree with the
 * interpreter through their {@code run} entry too, cut into methods of one
 * to four instructions and whole.
 */
class ResidentStateTest {
    private static final Shape INT = Shape.INT;

    /** Int and pair-of-Int states a third of the time each (the layouts that stay unbuilt), else random shapes. */
    private static Shape stateShape(long seed, RandomArtifacts random) {
        return switch ((int) Math.floorMod(seed, 4L)) {
            case 0 -> INT;
            case 1 -> new Shape.Pair(INT, new Shape.Pair(INT, INT));
            case 2 -> new Shape.Pair(random.shape(1), INT);
            default -> random.shape(2);
        };
    }

    @Property(tries = 300)
    void residentStepsAreTheInterpretersWhateverHappensToThem(@ForAll long seed) {
        RandomArtifacts random = new RandomArtifacts(seed);
        Shape input = random.shape(2);
        Shape state = stateShape(seed, random);
        Code code = new WellTypedCode(seed, state).block(input, 1 + (int) Math.floorMod(seed, 40L), 3).code();
        Layout layout = Layout.forState(state);
        List<StepCode> tiers = new ArrayList<>();
        for (int chunk = 1; chunk <= 5; chunk++) {
            JitCode jit = Jit.compile(code, List.of(), chunk == 5 ? ClassGenerator.CHUNK : chunk, layout);
            tiers.add(new StepCode(LoadedCode.load(code), jit, null));
            Value argument = random.value(input);
            Value st = random.value(state);
            String expected = outcome(() -> Cam.run(code, argument, st, 100_000));
            try {
                assertEquals(expected, outcome(() -> jit.run(argument, st, 100_000)), () -> "seed " + seed);
            } catch (JitRuntime.OutOfFuelSignal e) {
                assertTrue(expected.startsWith("error step limit"), () -> "seed " + seed + ": " + expected);
            }
        }
        tiers.add(StepCode.prepare(code, List.of(), state));
        Random choices = new Random(seed);
        for (StepCode tier : tiers) {
            Value reference = random.value(state);
            ResidentState resident = tier.resident(reference);
            assertEquals(reference, resident.state());
            for (int step = 0; step < 6; step++) {
                Value argument = random.value(input);
                long fuel = choices.nextBoolean() ? 100_000 : 1 + choices.nextInt(code.instructions().size() + 3);
                Value before = reference;
                String expected = outcome(() -> Cam.run(code, argument, before, fuel));
                String actual;
                try {
                    Value output = resident.step(argument, fuel);
                    actual = "ok " + output + " " + resident.state();
                    assertEquals(ValueSize.of(resident.state(), Long.MAX_VALUE), resident.size(Long.MAX_VALUE));
                    Value after = Cam.run(code, argument, before, fuel).state();
                    if (!after.equals(before)) assertTrue(resident.changed(), () -> "seed " + seed + ": changed()");
                    if (choices.nextInt(4) != 0) {
                        reference = after;
                    } else {
                        resident.undo();   // refused after the step, as a node refuses an output over budget
                    }
                } catch (CamRuntimeError e) {
                    actual = "error " + e.getMessage();
                }
                assertEquals(expected, actual, () -> "seed " + seed + " fuel " + fuel);
                assertEquals(reference, resident.state(), () -> "seed " + seed + ": the state read back");
            }
        }
    }

    /** Counter1's state, an Int, kept as a long: past the small-Int cache, through a refusal and fuel running out. */
    @Test
    void anIntStateStaysALongAcrossStepsRefusalsAndFailures() {
        Artifact counter = SampleArtifacts.counter1();
        StepCode step = StepCode.forStep(counter);
        assertTrue(step.compiled(), () -> step.refusal().orElse(""));
        ResidentState resident = step.resident(Value.of(1022));
        assertEquals(Layout.LNG, resident.layout);
        Value incr = new Value.Inl(Value.UNIT);
        Value count = new Value.Inr(Value.UNIT);
        for (int i = 0; i < 3; i++) {
            resident.step(incr, 1_000);
            assertTrue(resident.changed());
        }
        assertEquals(Value.of(1025), resident.state());
        resident.step(incr, 1_000);
        assertEquals(Value.of(1026), resident.state());
        resident.undo();   // a refusal after the step
        assertEquals(Value.of(1025), resident.state());
        String outOfFuel = outcome(() -> new Cam.Result(resident.step(incr, 1), null));
        assertEquals(outcome(() -> Cam.run(counter.step(), counter.blocks(), incr, Value.of(1025), 1)), outOfFuel);
        assertEquals(Value.of(1025), resident.state());
        assertEquals(new Value.Inr(Value.of(1025)), resident.step(count, 1_000));
        assertFalse(resident.changed());
        assertEquals(9, resident.size(Long.MAX_VALUE));
    }

    /** Every sample machine: a hundred resident steps read back as the interpreter's states. */
    @Test
    void everySampleMachineStepsAsTheInterpreter() {
        RandomArtifacts random = new RandomArtifacts(7);
        for (Artifact a : SampleArtifacts.all()) {
            StepCode step = StepCode.forStep(a);
            ResidentState resident = step.resident(a.initialState());
            Value reference = a.initialState();
            for (int i = 0; i < 100; i++) {
                Value input = random.value(a.input().erase());
                Value before = reference;
                String expected = outcome(() -> Cam.run(a.step(), a.blocks(), input, before, 10_000));
                String actual;
                try {
                    actual = "ok " + resident.step(input, 10_000) + " " + resident.state();
                    reference = Cam.run(a.step(), a.blocks(), input, before, 10_000).state();
                } catch (CamRuntimeError e) {
                    actual = "error " + e.getMessage();
                }
                assertEquals(expected, actual, a::name);
                assertEquals(reference, resident.state(), a::name);
            }
        }
    }

    /** With the JIT's class refused or off, the resident state is one object on the interpreter, same results. */
    @Test
    void aStateTheClassCannotHoldRunsOnTheInterpreter() {
        Artifact counter = SampleArtifacts.counter1();
        StepCode step = StepCode.forStep(counter);
        ResidentState wrong = step.resident(Value.of("not an Int"));   // not the state's shape: never from a node
        assertEquals(Layout.OBJ, wrong.layout);
        assertEquals(null, wrong.entry);
        StepCode interpreted = StepCode.interpreted(counter.step());
        ResidentState resident = interpreted.resident(Value.of(5));
        resident.step(new Value.Inl(Value.UNIT), 1_000);
        assertEquals(Value.of(6), resident.state());
    }
}
