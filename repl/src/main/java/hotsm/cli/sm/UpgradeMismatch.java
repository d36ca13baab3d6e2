package hotsm.cli.sm;

import hotsm.vm.bytecode.Artifact;
import hotsm.vm.bytecode.Identities;
import hotsm.vm.bytecode.Identity;
import hotsm.vm.bytecode.UpgradeSection;
import hotsm.vm.node.Refusal;
import hotsm.vm.node.VersionChange;
import java.util.List;
import java.util.Optional;

/**
 * Why an artifact has no upgrade section for the machine a node runs, said by
 * the client, which holds the artifact: the node answers only LANGUAGE.md
 * §10's sentence ({@link VersionChange#WRONG_VERSION}), and {@code sm upgrade}
 * and the REPL's {@code :upgrade} print this explanation on the line after it.
 * Machines are named with their short identities
 * ({@code Counter1.counter dd23c603}).
 */
public final class UpgradeMismatch {
    private UpgradeMismatch() {}

    /**
     * The explanation for a refusal of {@code artifact} by a node running
     * {@code runningName} with identity {@code running}; empty when the refusal
     * is another one (a migration that failed, types that differ).
     */
    public static Optional<String> explain(Refusal refusal, Artifact artifact, String runningName, Identity running) {
        if (!VersionChange.WRONG_VERSION.equals(refusal.getMessage())) return Optional.empty();
        return Optional.of(explain(artifact, runningName, running));
    }

    /** Why none of {@code artifact}'s upgrade sections starts from the running machine. */
    public static String explain(Artifact artifact, String runningName, Identity running) {
        String mine = artifact.name() + " " + Identities.of(artifact).shortHex();
        String node = runningName + " " + running.shortHex();
        List<UpgradeSection> sections = artifact.upgrades();
        if (Identities.of(artifact).equals(running)) {
            return "The node already runs " + node + ", the machine this artifact installs"
                    + (sections.isEmpty() ? "." : "; its upgrade section is from " + froms(sections) + ".");
        }
        if (sections.isEmpty()) {
            return mine + " has no upgrade section, so it can replace no running machine (the node runs " + node
                    + "); add 'upgrade " + runningName + " -> " + bare(artifact.name()) + "' to its source.";
        }
        for (UpgradeSection u : sections) {
            if (u.fromName().equals(runningName)) {
                return mine + " upgrades version " + u.from().shortHex() + " of " + runningName
                        + ", but the node runs version " + running.shortHex() + " of it.";
            }
        }
        return mine + " upgrades " + froms(sections) + ", but the node runs another machine: " + node + ".";
    }

    private static String froms(List<UpgradeSection> sections) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < sections.size(); i++) {
            if (i > 0) b.append(i == sections.size() - 1 ? " or " : ", ");
            b.append(sections.get(i).fromName()).append(' ').append(sections.get(i).from().shortHex());
        }
        return b.toString();
    }

    private static String bare(String qualified) { return qualified.substring(qualified.lastIndexOf('.') + 1); }
}
