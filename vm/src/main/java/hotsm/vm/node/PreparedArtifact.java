package hotsm.vm.node;

import hotsm.vm.bytecode.Artifact;
import hotsm.vm.bytecode.Identities;
import hotsm.vm.bytecode.Identity;
import hotsm.vm.jit.StepCode;
import hotsm.vm.verify.Verifier;

/**
 * An artifact made ready before its upgrade enters the queue, on the thread
 * that asked for it: verified, hashed, its step compiled and warmed up, so the upgrade's
 * turn on the machine thread is only the checks against the running version,
 * the migration and the swap. The verifier's verdict is kept, not thrown, so
 * the refusal is still given in order, by the machine thread, with the
 * messages of {@link VersionChanges}.
 *
 * @param verifyFailure what the verifier (or a broken artifact) threw, or null
 * @param step          the step code on both tiers; null if the artifact does not verify
 */
record PreparedArtifact(Artifact artifact, Identity identity, RuntimeException verifyFailure, StepCode step) {

    /** Runs of a new version's compiled step before it is queued (each within 10,000 instructions; off the machine thread). */
    static final int WARM_UP_RUNS = 500;

    static PreparedArtifact of(Artifact artifact) {
        try {
            Verifier.verify(artifact);
        } catch (RuntimeException e) {
            return new PreparedArtifact(artifact, null, e, null);
        }
        StepCode step = StepCode.prepare(artifact.step(), artifact.blocks());
        // So the machine thread's first steps on the new version run code HotSpot has already compiled.
        step.warm(StepCode.sample(artifact.input().erase()), artifact.initialState(), WARM_UP_RUNS);
        return new PreparedArtifact(artifact, Identities.of(artifact), null, step);
    }
}
