/**
 * Who may change a node's code: signed releases (docs/security.md).
 *
 * <p>Input: an artifact's bytes (or, for a downgrade, the identity of the
 * version to leave), a {@link hotsm.vm.trust.ReleaseSignature} that came with
 * it and the highest release number the node has accepted. Output: the
 * {@link hotsm.vm.trust.Signer} to record in the version history, or a
 * {@link hotsm.vm.trust.TrustException} saying why not.
 *
 * <p>Invariants: a signature covers a {@link hotsm.vm.trust.ReleaseStatement}
 * (what kind of change, its release number and the exact bytes), so it cannot
 * be moved to other bytes, another kind of change or another release number;
 * a node with trusted keys accepts a change only if one of them signed it and
 * its release number is above every release the node has accepted (TUF's
 * rollback protection: an old signed release cannot be replayed). Keys are
 * Ed25519 from the JDK's own provider, in PEM files.
 */
package hotsm.vm.trust;
