package hotsm.vm.node;

import hotsm.vm.bytecode.Artifact;
import hotsm.vm.bytecode.ArtifactCodec;
import hotsm.vm.trust.ChangeKind;
import hotsm.vm.trust.ReleaseSignature;
import hotsm.vm.trust.Signer;
import hotsm.vm.trust.TrustPolicy;
import java.time.Instant;
import java.util.Optional;

/**
 * An upgrade command made ready on the thread that asks for it, before it
 * enters the node's queue (issue 11): so the upgrade's turn on the machine
 * thread is short. In this order, as the machine thread would do it:
 *
 * <ol>
 *   <li>the release signature, if the node has trusted keys: present, by a
 *       trusted key, over exactly these bytes ({@link TrustPolicy#verify});
 *       if it fails, nothing is decoded (unsigned input is never parsed);</li>
 *   <li>the bytes decoded; the artifact hashed, verified, its step compiled by
 *       the JIT and warmed up ({@link PreparedArtifact});</li>
 *   <li>the upgrade planned against the version running at that moment
 *       ({@link VersionChanges.Plan}), its migration compiled by the JIT and
 *       warmed up;</li>
 *   <li>its time read from the node's clock (unless it is a journal's
 *       record, replayed at its recorded time), and the next snapshot's
 *       history and known artifacts made from it ({@link #moved}), so the
 *       turn neither reads the clock nor copies the history.</li>
 * </ol>
 *
 * <p>What can change before the upgrade's turn is checked again on the
 * machine thread: the release number against the highest the node has
 * accepted then (rollback protection), and the plan against the version
 * running then (planned again if another change came first; then the
 * history is copied there, as before). Failures are
 * kept, not thrown, and given in order by the machine thread with the same
 * messages as an upgrade prepared there. The command itself, as journaled and
 * replicated, is unchanged: the artifact's bytes and the signature.
 *
 * @param untrusted  the refusal of the signature (or anything odd while checking it), or null
 * @param signer     who signed it (empty when the node trusts any client)
 * @param unreadable the refusal of bytes that do not decode, or null
 * @param artifact   the artifact made ready (null after either failure)
 * @param plan       the plan against the version running when it was prepared (null after either failure)
 * @param time       the clock when it was prepared ahead, the upgrade's time (null: read on the machine thread)
 * @param moved      the snapshot the upgrade leaves, but for its state (the plan's base's), at {@code time};
 *                   null if not prepared ahead or the plan refuses
 */
record PreparedUpgrade(RuntimeException untrusted, Optional<Signer> signer, RuntimeException unreadable,
                       PreparedArtifact artifact, VersionChanges.Plan plan, Instant time, NodeSnapshot moved) {

    /**
     * Prepare {@code command} if it is an upgrade (signed or not); null for any other command.
     *
     * @param base       the snapshot to plan against (the latest version the node published)
     * @param warmUpRuns runs of the new step code before it is queued (0 on the machine thread)
     */
    static PreparedUpgrade of(Command command, TrustPolicy trust, NodeSnapshot base, int warmUpRuns) {
        Optional<ReleaseSignature> signature = command instanceof Command.Signed signed
                ? Optional.of(signed.signature()) : Optional.empty();
        Command change = command instanceof Command.Signed signed ? signed.change() : command;
        if (!(change instanceof Command.Upgrade || change instanceof Command.UpgradeFromBytes)) return null;
        Optional<Signer> signer;
        try {
            signer = VersionChanges.verifySignature(trust, ChangeKind.UPGRADE, () -> subject(change), signature);
        } catch (RuntimeException e) {
            return new PreparedUpgrade(e, Optional.empty(), null, null, null, null, null);
        }
        Artifact artifact;
        try {
            artifact = change instanceof Command.Upgrade u ? u.artifact()
                    : VersionChanges.decode(((Command.UpgradeFromBytes) change).artifact());
        } catch (RuntimeException e) {
            return new PreparedUpgrade(null, signer, e, null, null, null, null);
        }
        PreparedArtifact prepared = PreparedArtifact.of(artifact, warmUpRuns);
        return new PreparedUpgrade(null, signer, null, prepared,
                VersionChanges.plan(base, prepared).compiled(artifact, warmUpRuns), null, null);
    }

    /**
     * The same with its time, {@code now}, and the snapshot it leaves made ahead ({@link #moved}), for
     * the plan's base: the turn uses them if the node's history and known artifacts are still the base's.
     */
    PreparedUpgrade at(Instant now) {
        if (plan == null || plan.failure() != null) return new PreparedUpgrade(untrusted, signer, unreadable, artifact,
                plan, now, null);
        NodeSnapshot base = plan.base();
        return new PreparedUpgrade(untrusted, signer, unreadable, artifact, plan, now,
                base.moveTo(artifact.artifact(), artifact.identity(), base.state(), Version.Arrival.UPGRADED, now,
                        signer));
    }

    /**
     * What was {@link #moved made ahead}, if {@code now} still has the history and known artifacts it was made
     * from (steps keep them: only a version change makes new ones), and the plan fits it; else null.
     */
    NodeSnapshot movedFrom(NodeSnapshot now) {
        if (moved == null || !plan.fits(now)) return null;
        NodeSnapshot base = plan.base();
        return now.history() == base.history() && now.known() == base.known() && now.compacted() == base.compacted()
                ? moved : null;
    }

    /** Rehearsals of an upgrade per preparation (see {@link #ahead}), and the time they may take at most. */
    private static final int REHEARSALS = 200;
    private static final long REHEARSAL_NANOS = 2_000_000;

    /**
     * On the thread that asks for an upgrade, before it is queued: its {@link PreparedUpgrade} (the
     * signature first, then decoding, verifying, hashing, compiling, planning, and its time unless it is
     * replayed at {@code given}). The upgrade is also
     * rehearsed here against the latest version, through the machine thread's own code for its turn on a
     * scratch {@link Machine}, up to {@value #REHEARSALS} times within 2 ms, and
     * the results thrown away (upgrades are pure functions of the snapshot: this changes nothing), so
     * that on the machine thread its turn does not load classes, link call sites or run code HotSpot
     * still interprets (upgrades are rare) in the gap between two replies. Null for other
     * commands, and if preparing failed in a way the machine thread, with its roomy stack, may not
     * (it then prepares the upgrade itself).
     */
    static PreparedUpgrade ahead(Command command, NodeOptions options, NodeSnapshot base, long fuel, Instant given) {
        if (!(command instanceof Command.Upgrade || command instanceof Command.UpgradeFromBytes
                || command instanceof Command.Signed)) {
            return null;
        }
        try {
            PreparedUpgrade p = of(command, options.trust(), base, PreparedArtifact.WARM_UP_RUNS);
            // Read here, once per upgrade as on the machine thread before: a rarely made call, slow on the turn.
            if (p != null && given == null) p = p.at(options.clock().instant());
            if (p != null && p.plan() != null && p.plan().failure() == null) p.rehearse(command, base, options, fuel);
            return p;
        } catch (Throwable e) {   // StackOverflowError on a deeply nested artifact, say
            return null;
        }
    }

    private void rehearse(Command command, NodeSnapshot base, NodeOptions options, long fuel) {
        long start = System.nanoTime();
        // The prepared time, or any time (the clock is not read): a replayed record's.
        Instant given = time != null ? null : base.history().get(base.history().size() - 1).since();
        long limit = Math.min(fuel, options.fuel());   // a replayed upgrade has no step limit; its rehearsal has
        Machine scratch = Machine.forRehearsals(base, options);
        try {
            for (int i = 0; i < REHEARSALS && System.nanoTime() - start < REHEARSAL_NANOS; i++) {
                scratch.rehearseUpgrade(base, command, this, given, limit);
            }
        } catch (RuntimeException e) {
            // refused (a migration that fails on this state, say): the machine thread will decide on its own
        }
    }

    /** What an upgrade's signature covers: the artifact's bytes. */
    private static byte[] subject(Command change) {
        return change instanceof Command.Upgrade u ? ArtifactCodec.encode(u.artifact())
                : ((Command.UpgradeFromBytes) change).artifact();
    }
}
