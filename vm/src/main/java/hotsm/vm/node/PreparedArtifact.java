package hotsm.vm.node;

import hotsm.vm.bytecode.Artifact;
import hotsm.vm.bytecode.Identities;
import hotsm.vm.bytecode.Identity;
import hotsm.vm.jit.StepCode;
import hotsm.vm.types.Shape;
import hotsm.vm.verify.Verifier;

/**
 * An upgrade's artifact made ready before the upgrade enters the queue, on
 * the thread that asked for it: hashed, verified, its step compiled and warmed
 * up, so the upgrade's turn on the machine thread is only the checks against
 * the running version, the migration and the swap. Failures are kept, not
 * thrown, so the refusal is still given in order, by the machine thread, with
 * the messages of {@link VersionChanges}.
 *
 * @param identity      the artifact's identity; null if hashing it failed
 * @param hashFailure   what hashing a broken artifact threw, or null
 * @param verifyFailure what the verifier (or a broken artifact) threw, or null
 * @param step          the step code on both tiers; null if the artifact does not verify
 * @param stateShape    the state type's erasure (a migrated state is checked against it); null if it does not verify
 * @param inputShape    the input type's erasure (each step's input is checked against it); null if it does not verify
 */
record PreparedArtifact(Artifact artifact, Identity identity, RuntimeException hashFailure,
                        RuntimeException verifyFailure, StepCode step, Shape stateShape, Shape inputShape) {

    /** Runs of a new version's compiled step before it is queued (each within 10,000 instructions). */
    static final int WARM_UP_RUNS = 500;

    /** Hash, verify and compile, without warming up (on the machine thread, for a command not prepared ahead). */
    static PreparedArtifact of(Artifact artifact) {
        return of(artifact, 0);
    }

    /** Hash, verify, compile, and run the compiled step {@code warmUpRuns} times on a sample input. */
    static PreparedArtifact of(Artifact artifact, int warmUpRuns) {
        Identity identity;
        try {
            identity = Identities.of(artifact);
        } catch (RuntimeException e) {
            return new PreparedArtifact(artifact, null, e, null, null, null, null);
        }
        try {
            Verifier.verify(artifact);
        } catch (RuntimeException e) {
            return new PreparedArtifact(artifact, identity, null, e, null, null, null);
        }
        StepCode step = StepCode.forStep(artifact);   // the state kept in its layout, as a node runs it
        // So the machine thread's first steps on the new version run code HotSpot has already compiled.
        Shape input = artifact.input().erase();
        if (warmUpRuns > 0) step.warm(StepCode.sample(input), artifact.initialState(), warmUpRuns);
        return new PreparedArtifact(artifact, identity, null, null, step, artifact.state().erase(), input);
    }
}
