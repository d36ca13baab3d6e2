package hotsm.vm.trust;

import java.io.IOException;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which signatures a node requires before it changes its code
 * ({@code sm node --trust NAME.pub...}). With no trusted keys the policy is
 * open: any client that may talk to the node may upgrade or downgrade it, and
 * signatures are ignored. With trusted keys, a change needs a signature that
 * one of them made over exactly that change, with a release number above the
 * highest the node has accepted.
 */
public record TrustPolicy(List<TrustedKey> keys) {

    /** A key the node trusts; {@code name} is what the history shows. */
    public record TrustedKey(String name, byte[] raw) {
        public TrustedKey {
            raw = raw.clone();
        }

        public String fingerprint() { return Ed25519Keys.fingerprint(raw); }
    }

    public TrustPolicy {
        keys = List.copyOf(keys);
    }

    /** No trusted keys: every authenticated client may change the code. */
    public static TrustPolicy open() {
        return new TrustPolicy(List.of());
    }

    /** Trust the keys in these {@code .pub} files, each named by its file name without {@code .pub}. */
    public static TrustPolicy load(List<Path> publicKeyFiles) throws IOException {
        List<TrustedKey> keys = new ArrayList<>();
        for (Path p : publicKeyFiles) {
            PublicKey k = Ed25519Keys.readPublic(p);
            String name = p.getFileName().toString();
            if (name.endsWith(".pub")) name = name.substring(0, name.length() - 4);
            keys.add(new TrustedKey(name, Ed25519Keys.raw(k)));
        }
        return new TrustPolicy(keys);
    }

    public boolean isOpen() {
        return keys.isEmpty();
    }

    /**
     * Decide whether a change may happen: {@link #verify}, then {@link #checkRelease}.
     *
     * @param subject        what the signature must cover: the artifact's bytes, or the identity left
     * @param signature      what came with the request
     * @param highestRelease the highest release number the node has accepted (0 if none)
     * @return who signed it, for the history (empty when the policy is open)
     * @throws TrustException with the reason, ready to print
     */
    public Optional<Signer> authorize(ChangeKind kind, byte[] subject, Optional<ReleaseSignature> signature,
                                      long highestRelease) {
        Optional<Signer> signer = verify(kind, subject, signature);
        checkRelease(signer, highestRelease);
        return signer;
    }

    /**
     * The part of {@link #authorize} that does not depend on the node: a
     * signature is there, for this kind of change, by a trusted key, over
     * {@code subject}. A node checks it before it reads the subject's bytes
     * (an upgrade's, on the thread that prepares it); the release number is
     * checked against the node when the change's turn comes.
     *
     * @return who signed it (empty when the policy is open)
     * @throws TrustException with the reason, ready to print
     */
    public Optional<Signer> verify(ChangeKind kind, byte[] subject, Optional<ReleaseSignature> signature) {
        if (isOpen()) return Optional.empty();
        String what = kind.name().toLowerCase(Locale.ROOT);
        if (signature.isEmpty()) {
            throw new TrustException("This node accepts only signed " + what + "s (from "
                    + names() + "): sign it with `smc sign --key KEY.key"
                    + (kind == ChangeKind.DOWNGRADE ? " --downgrade" : "") + " FILE.cam` and send the signature along.");
        }
        ReleaseSignature sig = signature.get();
        if (sig.kind() != kind) {
            throw new TrustException("The signature is for " + (sig.kind() == ChangeKind.UPGRADE ? "an upgrade" : "a downgrade")
                    + ", not " + (kind == ChangeKind.UPGRADE ? "an upgrade" : "a downgrade") + ".");
        }
        byte[] raw = sig.publicKey();
        TrustedKey key = keys.stream().filter(k -> Arrays.equals(k.raw(), raw)).findFirst()
                .orElseThrow(() -> new TrustException("The " + what + " is signed by key " + sig.fingerprint()
                        + ", which this node does not trust (it trusts " + names() + ")."));
        if (!sig.verifies(subject)) {
            throw new TrustException("The signature of " + key.name() + " (" + key.fingerprint() + ") does not match"
                    + (kind == ChangeKind.UPGRADE ? " the artifact sent" : " the version running")
                    + ": the artifact or its signature was altered, or it was signed for something else.");
        }
        return Optional.of(new Signer(key.name(), key.fingerprint(), sig.release()));
    }

    /**
     * Rollback protection: a signed change's release must be above the
     * highest the node has accepted (nothing to check when nobody signed).
     *
     * @throws TrustException if it is not
     */
    public static void checkRelease(Optional<Signer> signer, long highestRelease) {
        if (signer.isPresent() && signer.get().release() <= highestRelease) {
            throw new TrustException("Release " + signer.get().release() + " is not above release " + highestRelease
                    + ", the highest this node has accepted: an older release cannot be replayed.");
        }
    }

    /** {@code ops (1a2b3c4d5e6f7a8b), ci (...)}. */
    public String names() {
        StringBuilder b = new StringBuilder();
        for (TrustedKey k : keys) {
            if (b.length() > 0) b.append(", ");
            b.append(k.name()).append(" (").append(k.fingerprint()).append(')');
        }
        return b.toString();
    }
}
