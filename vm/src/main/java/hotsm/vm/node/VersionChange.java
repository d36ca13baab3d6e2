package hotsm.vm.node;

import hotsm.vm.bytecode.Identity;

/**
 * A successful upgrade or downgrade.
 *
 * @param message {@code Upgrade successful!} or {@code Downgrade successful!}
 */
public record VersionChange(Kind kind, Identity from, String fromName, Identity to, String toName, String message) {

    public enum Kind { UPGRADE, DOWNGRADE }

    public static final String UPGRADE_SUCCESSFUL = "Upgrade successful!";
    public static final String DOWNGRADE_SUCCESSFUL = "Downgrade successful!";
    /** LANGUAGE.md §10: no upgrade section starts from the running machine. */
    public static final String WRONG_VERSION = "The version running isn't the one the upgrade expects. Aborting upgrade.";

    /** {@code Counter1.counter 1a2b3c4d -> Counter2.counter 5e6f7a8b}. */
    public String describe() {
        return fromName + " " + from.shortHex() + " -> " + toName + " " + to.shortHex();
    }
}
