package hotsm.vm.machine;

import hotsm.vm.bytecode.Artifact;
import hotsm.vm.bytecode.Code;
import hotsm.vm.bytecode.Identities;
import hotsm.vm.bytecode.Identity;
import hotsm.vm.types.Shape;
import hotsm.vm.value.Value;
import hotsm.vm.value.ValuePrinter;
import hotsm.vm.value.Values;
import hotsm.vm.verify.Verifier;

/**
 * A verified artifact and its current state: a machine ready to step. Steps
 * are atomic: the new state is committed only when the step code finishes, so
 * a {@link CamRuntimeError} leaves the state as it was. Thread-safe (steps are
 * serialized); a node still routes all inputs through one thread to order them.
 */
public final class MachineInstance {
    /** The step limit used when none is given. */
    public static final long DEFAULT_FUEL = 10_000_000L;

    private final Artifact artifact;
    private final Identity identity;
    private final LoadedCode step;
    private final Shape inputShape;
    private final long fuel;
    private volatile Value state;

    /**
     * Verifies the artifact and starts it from its initial state with the default fuel.
     *
     * @throws hotsm.vm.verify.VerifyException if the artifact is not safe to run
     */
    public MachineInstance(Artifact artifact) {
        this(artifact, artifact.initialState(), DEFAULT_FUEL);
    }

    /**
     * Verifies the artifact and starts it from its initial state with a step limit of {@code fuel} instructions.
     *
     * @throws hotsm.vm.verify.VerifyException if the artifact is not safe to run
     */
    public MachineInstance(Artifact artifact, long fuel) {
        this(artifact, artifact.initialState(), fuel);
    }

    /**
     * Verifies the artifact and starts it from {@code state} (e.g. a migrated state).
     *
     * @throws hotsm.vm.verify.VerifyException if the artifact is not safe to run
     * @throws IllegalArgumentException if {@code state} does not have the artifact's state type
     */
    public MachineInstance(Artifact artifact, Value state, long fuel) {
        Verifier.verify(artifact);
        if (!Values.conforms(state, artifact.state().erase())) {
            throw new IllegalArgumentException("state " + ValuePrinter.printErased(state) + " does not have the state type " + artifact.state());
        }
        if (fuel <= 0) throw new IllegalArgumentException("fuel must be positive, got " + fuel);
        this.artifact = artifact;
        this.identity = Identities.of(artifact);
        this.step = LoadedCode.load(artifact.step(), artifact.blocks());
        this.inputShape = artifact.input().erase();
        this.fuel = fuel;
        this.state = state;
    }

    /**
     * Runs one step on {@code input}, commits the new state and returns the output.
     *
     * @throws IllegalArgumentException if the input does not have the input type (state unchanged)
     * @throws CamRuntimeError if the step fails (state unchanged)
     */
    public synchronized Value step(Value input) {
        if (!Values.conforms(input, inputShape)) {
            throw new IllegalArgumentException("input " + ValuePrinter.printErased(input) + " does not have the input type " + artifact.input());
        }
        Cam.Result r = Cam.run(step, input, state, fuel);
        state = r.state();
        return r.value();
    }

    /** The current state. */
    public Value state() { return state; }

    public Artifact artifact() { return artifact; }

    /** The identity of the running machine (name, types, step code). */
    public Identity identity() { return identity; }

    /** The step limit of each step. */
    public long fuel() { return fuel; }

    /** The same machine started from another state (verification is repeated). */
    public MachineInstance withState(Value newState) {
        return new MachineInstance(artifact, newState, fuel);
    }

    /**
     * Runs pure code (a migration or adapter, already verified as part of its
     * artifact) on {@code argument}: no state register, GET/PUT fail.
     *
     * @throws CamRuntimeError if it fails or runs out of fuel
     */
    public static Value runPure(Code code, Value argument, long fuel) {
        return Cam.run(code, argument, null, fuel).value();
    }

    /** As {@link #runPure(Code, Value, long)}, where {@code CALL k} runs {@code shared.get(k)} (its artifact's blocks). */
    public static Value runPure(Code code, java.util.List<hotsm.vm.bytecode.SharedBlock> shared, Value argument, long fuel) {
        return Cam.run(code, shared, argument, null, fuel).value();
    }
}
