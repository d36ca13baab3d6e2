package hotsm.vm.jit;

import hotsm.vm.bytecode.Code;
import hotsm.vm.machine.Cam;
import hotsm.vm.machine.LoadedCode;
import hotsm.vm.value.Value;
import java.util.Optional;

/**
 * Verified code ready to run on both tiers: loaded for the interpreter and,
 * unless the JIT refused it, compiled. Prepare once per version, off the
 * machine thread ({@link #prepare} takes the time); run many times.
 *
 * <p>{@link #run} uses the compiled class; if that throws anything (an
 * error in the program, or fuel that a segment's up-front charge overdrew),
 * the same run is repeated on the interpreter, which is the reference: it
 * gives the exact error and the exact fuel boundary. Runs are pure functions
 * of the argument and state, so repeating one is safe. Tracing always uses
 * the interpreter.
 *
 * <p>A machine's steps run on a {@link #resident} state instead (a node's
 * machine thread, the benchmarks): prepared with the state's shape
 * ({@link #forStep}), the compiled class keeps the state between steps as it
 * computes with it (an {@code Int} as a {@code long}), with the same results,
 * errors and fuel, and the same fallback to the interpreter.
 */
public final class StepCode {
    static {
        PolymorphicSteps.prepare();   // -Dhotsm.jit.polymorphic=true only
    }

    private final LoadedCode interpreted;
    private final JitCode compiled;
    private final String refusal;

    StepCode(LoadedCode interpreted, JitCode compiled, String refusal) {
        this.interpreted = interpreted;
        this.compiled = compiled;
        this.refusal = refusal;
    }

    /** Load and, when the JIT is {@link Jit#ENABLED} and accepts it, compile verified {@code code}. */
    public static StepCode prepare(Code code) {
        return prepare(code, java.util.List.of());
    }

    /** As {@link #prepare(Code)}, for code whose {@code CALL}s name the artifact's {@code shared} blocks. */
    public static StepCode prepare(Code code, java.util.List<hotsm.vm.bytecode.SharedBlock> shared) {
        return prepare(code, shared, null);
    }

    /**
     * As {@link #prepare(Code, java.util.List)}, for step code whose state has
     * {@code stateShape} (null: pure code): the compiled class keeps the state
     * of {@link #resident}s unbuilt (an {@code Int} as a {@code long}, ...).
     */
    public static StepCode prepare(Code code, java.util.List<hotsm.vm.bytecode.SharedBlock> shared,
                                   hotsm.vm.types.Shape stateShape) {
        LoadedCode loaded = LoadedCode.load(code, shared);
        if (!Jit.ENABLED) return new StepCode(loaded, null, "the JIT is off (-Dhotsm.jit=off)");
        try {
            return new StepCode(loaded, Jit.compile(code, shared, stateShape), null);
        } catch (JitRefusal r) {
            return new StepCode(loaded, null, r.getMessage());
        }
    }

    /** An artifact's step code, its state kept unbuilt in {@link #resident}s (the artifact must have verified). */
    public static StepCode forStep(hotsm.vm.bytecode.Artifact artifact) {
        return prepare(artifact.step(), artifact.blocks(), artifact.state().erase());
    }

    /** Interpreter only. */
    public static StepCode interpreted(Code code) {
        return new StepCode(LoadedCode.load(code), null, "interpreter only");
    }

    /** As {@link Cam#run(LoadedCode, Value, Value, long)}: same results, same errors. */
    public Cam.Result run(Value argument, Value state, long fuel) {
        if (compiled != null) {
            try {
                return compiled.run(argument, state, fuel);
            } catch (RuntimeException | StackOverflowError e) {
                // The interpreter below decides: it reports the error (or, at a fuel boundary, finishes).
            }
        }
        return Cam.run(interpreted, argument, state, fuel);
    }

    /**
     * A resident form of {@code state} for this code's steps
     * ({@link ResidentState}): kept in the compiled class's state layout, or,
     * if the code is not compiled (or the state does not fit the layout), as
     * one object for the interpreter.
     */
    public ResidentState resident(Value state) {
        if (compiled != null && ResidentState.fits(compiled.stateLayout, state)) {
            return new ResidentState(this, compiled.stateLayout, compiled.entry, state);
        }
        return new ResidentState(this, Layout.OBJ, null, state);
    }

    /**
     * {@link ResidentState#step} on the interpreter, from the built state:
     * when the code is not compiled, or its compiled class threw (the
     * interpreter then decides, as in {@link #run}).
     */
    Value interpret(ResidentState resident, Value argument, long fuel) {
        Cam.Result r = Cam.run(interpreted, argument, resident.state(), fuel);
        resident.stepTo(r.state());
        return r.value();
    }

    /** The interpreter's run with a tracer (the JIT does not trace). */
    public Cam.Result run(Value argument, Value state, long fuel, Cam.Tracer tracer) {
        return tracer == null ? run(argument, state, fuel) : Cam.run(interpreted, argument, state, fuel, tracer);
    }

    /**
     * Runs the compiled code {@code times} times on {@code argument} and
     * {@code state} (and, with a state, as many steps of a resident form of
     * it, which is what a node's machine thread runs), results and errors
     * ignored, so that HotSpot has compiled the new class before the machine
     * thread first runs it. Call it off the machine thread, on a value of the
     * code's input shape (any will do: a step is a pure function of its
     * argument and state).
     */
    public void warm(Value argument, Value state, int times) {
        if (compiled == null || argument == null) return;
        ResidentState resident = state != null && ResidentState.fits(compiled.stateLayout, state) ? resident(state) : null;
        for (int i = 0; i < times; i++) {
            try {
                compiled.run(argument, state, 10_000);
            } catch (RuntimeException | StackOverflowError ignored) {
                // only warming
            }
            if (resident == null) continue;
            try {
                compiled.entry.step(argument, resident, 10_000);
                resident.undo();   // each run from the state given
            } catch (RuntimeException | StackOverflowError ignored) {
                // only warming
            }
        }
    }

    /** The smallest value of a shape (first alternatives, zeros, empty strings), or null for a shape it does not know. */
    public static Value sample(hotsm.vm.types.Shape shape) {
        if (shape instanceof hotsm.vm.types.Shape.Unit) return Value.UNIT;
        if (shape instanceof hotsm.vm.types.Shape.Int) return Value.of(0);
        if (shape instanceof hotsm.vm.types.Shape.Str) return Value.of("");
        if (shape instanceof hotsm.vm.types.Shape.Pair p) {
            Value a = sample(p.first());
            Value b = sample(p.second());
            return a == null || b == null ? null : new Value.Pair(a, b);
        }
        if (shape instanceof hotsm.vm.types.Shape.Sum s) {
            Value a = sample(s.left());
            return a == null ? null : new Value.Inl(a);
        }
        return null;
    }

    /** The interpreter's form of the code. */
    public LoadedCode loaded() { return interpreted; }

    /** Whether the compiled tier runs this code. */
    public boolean compiled() { return compiled != null; }

    /** Why the JIT did not compile it, if it did not. */
    public Optional<String> refusal() { return Optional.ofNullable(refusal); }
}
