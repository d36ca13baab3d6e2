package hotsm.vm.node;

import hotsm.vm.bytecode.Artifact;
import hotsm.vm.bytecode.ArtifactCodec;
import hotsm.vm.bytecode.Code;
import hotsm.vm.bytecode.SharedBlock;
import hotsm.vm.bytecode.DowngradeSection;
import hotsm.vm.bytecode.Identities;
import hotsm.vm.bytecode.Identity;
import hotsm.vm.bytecode.UpgradeSection;
import hotsm.vm.machine.Cam;
import hotsm.vm.trust.ChangeKind;
import hotsm.vm.trust.ReleaseSignature;
import hotsm.vm.trust.Signer;
import hotsm.vm.trust.TrustException;
import hotsm.vm.trust.TrustPolicy;
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

    /** The next snapshot and what to tell the client. */
    record Changed(NodeSnapshot next, VersionChange change) {}

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
        Identity target = Identities.of(next);
        if (next.upgrades().stream().anyMatch(u -> u.from().equals(target))) {
            throw upgradeRefused("The artifact for " + next.name() + " has an upgrade section from its own version "
                    + target.shortHex() + " to itself; a machine cannot be upgraded to itself. Aborting upgrade.");
        }
        UpgradeSection section = next.upgrades().stream()
                .filter(u -> u.from().equals(now.identity()))
                .findFirst()
                .orElseThrow(() -> upgradeRefused(VersionChange.WRONG_VERSION));
        try {
            Verifier.verify(next);
        } catch (VerifyException e) {
            throw upgradeRefused("The artifact for " + next.name() + " does not verify: " + e.getMessage()
                    + ". Aborting upgrade.");
        } catch (RuntimeException e) {
            throw upgradeRefused("The artifact for " + next.name() + " could not be checked: " + describe(e)
                    + ". Aborting upgrade.");
        }
        Artifact running = now.artifact();
        String typeMismatch = mismatch("upgrade",
                List.of(section.oldInput(), section.oldOutput(), section.oldState()),
                List.of(running.input(), running.output(), running.state()));
        if (typeMismatch != null) throw upgradeRefused(typeMismatch + " Aborting upgrade.");

        Value migrated = migrate(section.migration(), next.blocks(), now.state(), next.state(), fuel,
                Refusal.Reason.UPGRADE_REFUSED, "upgrade");
        Identity nextIdentity = target;
        NodeSnapshot after = now.moveTo(next, nextIdentity, migrated, Version.Arrival.UPGRADED, time, signer);
        return new Changed(after, new VersionChange(VersionChange.Kind.UPGRADE, now.identity(), running.name(),
                nextIdentity, next.name(), VersionChange.UPGRADE_SUCCESSFUL));
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
        if (trust.isOpen()) return Optional.empty();
        try {
            return trust.authorize(kind, subject.get(), signature, now.highestRelease());
        } catch (TrustException e) {
            throw kind == ChangeKind.UPGRADE ? upgradeRefused(e.getMessage() + " Aborting upgrade.")
                    : downgradeRefused(e.getMessage() + " Aborting downgrade.");
        }
    }

    /** Run pure migration code on the state, with the step limit, and check the result's shape. */
    private static Value migrate(Code migration, List<SharedBlock> blocks, Value state, TypeDesc targetType, long fuel,
                                 Refusal.Reason reason, String what) {
        Value result;
        try {
            result = Cam.run(migration, blocks, state, null, fuel).value();
        } catch (RuntimeException e) {
            throw new Refusal(reason, "The state migration failed: " + describe(e) + ". Aborting " + what
                    + "; the old version keeps running.");
        }
        if (!Values.conforms(result, targetType.erase())) {
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
                    d = hotsm.vm.value.ValuePrinter.describeType(declared.get(i));
                    a = hotsm.vm.value.ValuePrinter.describeType(actual.get(i));
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
