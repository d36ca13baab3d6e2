package hotsm.vm.node;

import hotsm.vm.bytecode.Artifact;
import hotsm.vm.bytecode.ArtifactCodec;
import hotsm.vm.bytecode.Code;
import hotsm.vm.bytecode.SharedBlock;
import hotsm.vm.bytecode.DowngradeSection;
import hotsm.vm.bytecode.Identities;
import hotsm.vm.bytecode.Identity;
import hotsm.vm.bytecode.UpgradeSection;
import hotsm.vm.jit.StepCode;
import hotsm.vm.machine.Cam;
import hotsm.vm.trust.ChangeKind;
import hotsm.vm.trust.ReleaseSignature;
import hotsm.vm.trust.Signer;
import hotsm.vm.trust.TrustException;
import hotsm.vm.trust.TrustPolicy;
import hotsm.vm.types.Shape;
import hotsm.vm.types.TypeDesc;
import hotsm.vm.value.Value;
import hotsm.vm.value.Values;
import hotsm.vm.verify.Verifier;
import hotsm.vm.verify.VerifyException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Upgrades and downgrades as functions from one {@link NodeSnapshot} to the
 * next (LANGUAGE.md §10). They compute everything first and throw a
 * {@link Refusal} if any check fails, so the caller commits the new snapshot
 * in one assignment or nothing at all.
 */
final class VersionChanges {
    private VersionChanges() {}

    /**
     * The next snapshot and what to tell the client.
     *
     * @param step       the next version's step code when it was prepared ahead (null otherwise)
     * @param inputShape the next version's erased input type when it was prepared ahead (null otherwise)
     */
    record Changed(NodeSnapshot next, VersionChange change, StepCode step, hotsm.vm.types.Shape inputShape) {
        Changed(NodeSnapshot next, VersionChange change) {
            this(next, change, null, null);
        }
    }

    /** Decode an artifact's bytes, refusing the upgrade if they are not one. */
    static Artifact decode(byte[] bytes) {
        try {
            return ArtifactCodec.decode(bytes);
        } catch (RuntimeException e) {   // ArtifactFormatException, and anything else odd
            throw upgradeRefused("The artifact could not be read: " + describe(e) + ". Aborting upgrade.");
        }
    }

    /**
     * Find the upgrade section from the running identity, verify the
     * artifact, check the declared old types, run the migration.
     */
    static Changed upgrade(NodeSnapshot now, Artifact next, long fuel, Instant time) {
        return upgrade(now, next, fuel, time, Optional.empty());
    }

    /** The same, recording who signed the upgrade. */
    static Changed upgrade(NodeSnapshot now, Artifact next, long fuel, Instant time, Optional<Signer> signer) {
        return upgrade(now, PreparedArtifact.of(next), null, null, fuel, time, signer);
    }

    /**
     * Everything of an upgrade that depends on the running version but not on
     * the state: the upgrade section, the checks (or what refuses the
     * upgrade), the reply. Made against {@code base}, it holds for any
     * snapshot running the same artifact (steps change only the state).
     *
     * @param failure   what refuses the upgrade (a {@link Refusal}, or whatever hashing a broken artifact threw);
     *                  null if it may go on
     * @param migration the section's migration compiled by the JIT and warmed up, when planned ahead; else null
     *                  (the interpreter runs it)
     */
    record Plan(NodeSnapshot base, UpgradeSection section, RuntimeException failure, VersionChange change,
                StepCode migration) {
        boolean fits(NodeSnapshot now) {
            return now.artifact() == base.artifact() && now.identity().equals(base.identity());
        }

        /** With the migration compiled (off the machine thread) and run {@code warmUpRuns} times on a sample state. */
        Plan compiled(Artifact next, int warmUpRuns) {
            if (section == null || warmUpRuns <= 0) return this;
            StepCode m = StepCode.prepare(section.migration(), next.blocks());
            m.warm(StepCode.sample(section.oldState().erase()), null, warmUpRuns);
            return new Plan(base, section, failure, change, m);
        }
    }

    /** Plan upgrading {@code base} to {@code prepared}, with the checks in the order of LANGUAGE.md §10. */
    static Plan plan(NodeSnapshot base, PreparedArtifact prepared) {
        try {
            Artifact next = prepared.artifact();
            if (prepared.hashFailure() != null) throw prepared.hashFailure();
            Identity target = prepared.identity();
            for (UpgradeSection u : next.upgrades()) {
                if (u.from().equals(target)) {
                    throw upgradeRefused("The artifact for " + next.name() + " has an upgrade section from its own"
                            + " version " + target.shortHex() + " to itself; a machine cannot be upgraded to itself."
                            + " Aborting upgrade.");
                }
            }
            UpgradeSection section = null;
            for (UpgradeSection u : next.upgrades()) {
                if (u.from().equals(base.identity())) {
                    section = u;
                    break;
                }
            }
            if (section == null) throw upgradeRefused(VersionChange.WRONG_VERSION);
            RuntimeException failure = prepared.verifyFailure();
            if (failure instanceof VerifyException e) {
                throw upgradeRefused("The artifact for " + next.name() + " does not verify: " + e.getMessage()
                        + ". Aborting upgrade.");
            } else if (failure != null) {
                throw upgradeRefused("The artifact for " + next.name() + " could not be checked: "
                        + describe(failure) + ". Aborting upgrade.");
            }
            Artifact running = base.artifact();
            String typeMismatch = mismatch("upgrade",
                    List.of(section.oldInput(), section.oldOutput(), section.oldState()),
                    List.of(running.input(), running.output(), running.state()));
            if (typeMismatch != null) throw upgradeRefused(typeMismatch + " Aborting upgrade.");
            return new Plan(base, section, null, new VersionChange(VersionChange.Kind.UPGRADE, base.identity(),
                    running.name(), target, next.name(), VersionChange.UPGRADE_SUCCESSFUL), null);
        } catch (RuntimeException e) {
            return new Plan(base, null, e, null, null);
        }
    }

    /**
     * Carry out an upgrade to a prepared artifact: with {@code plan} if it
     * still fits {@code now} (else planned again here), the migration of the
     * current state and the next snapshot, at {@code time}: {@code moved} with
     * the migrated state if it is not null (made ahead from {@code now}'s
     * history at {@code time}, see {@link PreparedUpgrade#moved}).
     */
    static Changed upgrade(NodeSnapshot now, PreparedArtifact prepared, Plan plan, NodeSnapshot moved, long fuel,
                           Instant time, Optional<Signer> signer) {
        Plan p = plan != null && plan.fits(now) ? plan : plan(now, prepared);
        if (p.failure() != null) throw p.failure();
        Artifact next = prepared.artifact();
        Value migrated = migrate(p.section().migration(), next.blocks(), p.migration(), now.state(), next.state(),
                prepared.stateShape(), fuel, Refusal.Reason.UPGRADE_REFUSED, "upgrade");
        NodeSnapshot after = moved != null ? moved.withState(migrated)
                : now.moveTo(next, prepared.identity(), migrated, Version.Arrival.UPGRADED, time, signer);
        return new Changed(after, p.change(), prepared.step(), prepared.inputShape());
    }

    /**
     * Use a downgrade section of the running artifact: the one leading to the
     * version the node came from if there is one, else the first. Return to
     * the full artifact if this node has run it, else to one built from the
     * section (which then has no upgrade or downgrade sections of its own).
     */
    static Changed downgrade(NodeSnapshot now, long fuel, Instant time) {
        return downgrade(now, fuel, time, Optional.empty());
    }

    /** The same, recording who signed the downgrade. */
    static Changed downgrade(NodeSnapshot now, long fuel, Instant time, Optional<Signer> signer) {
        Artifact running = now.artifact();
        if (running.downgrades().isEmpty()) {
            throw downgradeRefused("The running version " + running.name() + " has no downgrade section. Aborting downgrade.");
        }
        Optional<Identity> cameFrom = now.history().get(now.history().size() - 1).from();
        DowngradeSection section = running.downgrades().stream()
                .filter(d -> cameFrom.isPresent() && d.to().equals(cameFrom.get()))
                .findFirst()
                .orElse(running.downgrades().get(0));

        Identity embedded = Identities.of(section);
        if (!embedded.equals(section.to())) {
            throw downgradeRefused("The downgrade section claims to lead to " + section.to().shortHex()
                    + " but its machine has identity " + embedded.shortHex() + ". Aborting downgrade.");
        }
        Artifact target = now.known().get(section.to());
        Value migrated = migrate(section.migration(), running.blocks(), now.state(), section.toState(), fuel,
                Refusal.Reason.DOWNGRADE_REFUSED, "downgrade");
        if (target == null) {
            target = new Artifact(section.toName(), section.toInput(), section.toOutput(), section.toState(),
                    migrated, section.toStep(), List.of(), List.of(), section.toBlocks());
        }
        try {
            Verifier.verify(target);
        } catch (VerifyException e) {
            throw downgradeRefused("The downgrade target " + section.toName() + " does not verify: " + e.getMessage()
                    + ". Aborting downgrade.");
        }
        NodeSnapshot after = now.moveTo(target, section.to(), migrated, Version.Arrival.DOWNGRADED, time, signer);
        return new Changed(after, new VersionChange(VersionChange.Kind.DOWNGRADE, now.identity(), running.name(),
                section.to(), target.name(), VersionChange.DOWNGRADE_SUCCESSFUL));
    }

    /**
     * Whether {@code trust} lets this change happen (docs/security.md): who
     * signed it, or a refusal saying why not. The subject is computed only
     * when there are trusted keys.
     */
    static Optional<Signer> authorize(NodeSnapshot now, TrustPolicy trust, ChangeKind kind,
                                      java.util.function.Supplier<byte[]> subject,
                                      Optional<ReleaseSignature> signature) {
        Optional<Signer> signer = verifySignature(trust, kind, subject, signature);
        checkRelease(now, signer, kind);
        return signer;
    }

    /** The checks of {@link #authorize} that do not depend on the node (made before an upgrade is queued). */
    static Optional<Signer> verifySignature(TrustPolicy trust, ChangeKind kind,
                                            java.util.function.Supplier<byte[]> subject,
                                            Optional<ReleaseSignature> signature) {
        if (trust.isOpen()) return Optional.empty();
        try {
            return trust.verify(kind, subject.get(), signature);
        } catch (TrustException e) {
            throw refused(kind, e);
        }
    }

    /** Rollback protection, against the node as it is now: the signed release must be above its highest. */
    static void checkRelease(NodeSnapshot now, Optional<Signer> signer, ChangeKind kind) {
        if (signer.isEmpty()) return;
        try {
            TrustPolicy.checkRelease(signer, now.highestRelease());
        } catch (TrustException e) {
            throw refused(kind, e);
        }
    }

    private static Refusal refused(ChangeKind kind, TrustException e) {
        return kind == ChangeKind.UPGRADE ? upgradeRefused(e.getMessage() + " Aborting upgrade.")
                : downgradeRefused(e.getMessage() + " Aborting downgrade.");
    }

    /** Run pure migration code on the state, with the step limit, and check the result's shape. */
    private static Value migrate(Code migration, List<SharedBlock> blocks, Value state, TypeDesc targetType, long fuel,
                                 Refusal.Reason reason, String what) {
        return migrate(migration, blocks, null, state, targetType, null, fuel, reason, what);
    }

    /**
     * The same, on {@code compiled} if not null (the JIT's class for {@code migration}: same results, same
     * errors, see {@link StepCode#run}), checking the result against {@code targetShape} if not null (else
     * the target type's erasure).
     */
    private static Value migrate(Code migration, List<SharedBlock> blocks, StepCode compiled, Value state,
                                 TypeDesc targetType, Shape targetShape, long fuel, Refusal.Reason reason,
                                 String what) {
        Value result;
        try {
            result = compiled != null ? compiled.run(state, null, fuel).value()
                    : Cam.run(migration, blocks, state, null, fuel).value();
        } catch (RuntimeException e) {
            throw new Refusal(reason, "The state migration failed: " + describe(e) + ". Aborting " + what
                    + "; the old version keeps running.");
        }
        if (!Values.conforms(result, targetShape != null ? targetShape : targetType.erase())) {
            throw new Refusal(reason, "The state migration produced a value that is not a " + targetType
                    + ". Aborting " + what + "; the old version keeps running.");
        }
        return result;
    }

    private static String mismatch(String what, List<TypeDesc> declared, List<TypeDesc> actual) {
        String[] roles = {"input", "output", "state"};
        for (int i = 0; i < roles.length; i++) {
            if (!declared.get(i).equals(actual.get(i))) {
                String d = declared.get(i).toString();
                String a = actual.get(i).toString();
                if (d.equals(a)) {
                    // Same name: show the constructors and field names, where they differ (LANGUAGE.md §14).
                    d = hotsm.vm.types.TypeText.inline(declared.get(i));
                    a = hotsm.vm.types.TypeText.inline(actual.get(i));
                    a = d.equals(a) ? "a different " + a + " (the constructors or field names differ)" : a;
                }
                return "The " + what + " expects the running machine's " + roles[i] + " type to be " + d
                        + " but it is " + a + ".";
            }
        }
        return null;
    }

    static String describe(RuntimeException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static Refusal upgradeRefused(String message) {
        return new Refusal(Refusal.Reason.UPGRADE_REFUSED, message);
    }

    private static Refusal downgradeRefused(String message) {
        return new Refusal(Refusal.Reason.DOWNGRADE_REFUSED, message);
    }
}
