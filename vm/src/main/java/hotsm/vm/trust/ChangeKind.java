package hotsm.vm.trust;

/** What a release signature allows: an upgrade to an artifact, or a downgrade away from a version. */
public enum ChangeKind {
    /** The subject is the artifact's bytes (a {@code .cam} file). */
    UPGRADE,
    /** The subject is the 32-byte identity of the version the node leaves. */
    DOWNGRADE
}
