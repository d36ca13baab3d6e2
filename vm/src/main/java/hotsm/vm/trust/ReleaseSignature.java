package hotsm.vm.trust;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Arrays;

/**
 * A signed release: who signed what kind of change with which release number.
 * Its encoding (a {@code .sig} file, and the same bytes on the wire) is fixed
 * at {@value #LENGTH} bytes:
 * {@code "HSMS" | u8 format 1 | u8 kind | i64 release | 32-byte raw public key | 64-byte Ed25519 signature}.
 * The signature covers {@link ReleaseStatement#of} the kind, the release and
 * the subject, which is not in the file: the verifier has it (the artifact
 * sent, or the identity the node leaves).
 *
 * @param publicKey the signer's 32 raw public key bytes (so the node can pick it among those it trusts)
 */
public record ReleaseSignature(ChangeKind kind, long release, byte[] publicKey, byte[] signature) {

    static final byte[] MAGIC = "HSMS".getBytes(StandardCharsets.US_ASCII);
    static final int FORMAT = 1;
    public static final int SIGNATURE_LENGTH = 64;
    public static final int LENGTH = 4 + 1 + 1 + 8 + Ed25519Keys.RAW_LENGTH + SIGNATURE_LENGTH;

    public ReleaseSignature {
        if (release < 1) throw new TrustException("a release number is at least 1, not " + release);
        if (publicKey.length != Ed25519Keys.RAW_LENGTH || signature.length != SIGNATURE_LENGTH) {
            throw new TrustException("bad key or signature length");
        }
        publicKey = publicKey.clone();
        signature = signature.clone();
    }

    @Override public byte[] publicKey() { return publicKey.clone(); }

    @Override public byte[] signature() { return signature.clone(); }

    /** Sign {@code subject} as release {@code release} of a change of {@code kind}. */
    public static ReleaseSignature sign(ChangeKind kind, long release, byte[] subject, PrivateKey secret,
                                        PublicKey publicKey) {
        if (release < 1) throw new TrustException("a release number is at least 1, not " + release);
        try {
            Signature s = Signature.getInstance(Ed25519Keys.ALGORITHM);
            s.initSign(secret);
            s.update(ReleaseStatement.of(kind, release, subject));
            return new ReleaseSignature(kind, release, Ed25519Keys.raw(publicKey), s.sign());
        } catch (GeneralSecurityException e) {
            throw new TrustException("cannot sign: " + e.getMessage(), e);
        }
    }

    /** Whether this signature, by its own key, covers {@code subject}, its kind and its release. */
    public boolean verifies(byte[] subject) {
        try {
            Signature s = Signature.getInstance(Ed25519Keys.ALGORITHM);
            s.initVerify(Ed25519Keys.fromRaw(publicKey));
            s.update(ReleaseStatement.of(kind, release, subject));
            return s.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;   // a malformed key or signature verifies nothing
        }
    }

    public String fingerprint() {
        return Ed25519Keys.fingerprint(publicKey);
    }

    public byte[] encode() {
        return ByteBuffer.allocate(LENGTH).put(MAGIC).put((byte) FORMAT).put((byte) kind.ordinal()).putLong(release)
                .put(publicKey).put(signature).array();
    }

    /** @throws TrustException if {@code bytes} are not a signature file's */
    public static ReleaseSignature decode(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new TrustException("a release signature has " + LENGTH + " bytes, not " + bytes.length);
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        byte[] magic = new byte[4];
        in.get(magic);
        if (!Arrays.equals(magic, MAGIC)) throw new TrustException("not a release signature (no \"HSMS\" magic)");
        int format = in.get() & 0xFF;
        if (format != FORMAT) throw new TrustException("unknown release signature format " + format);
        int kind = in.get() & 0xFF;
        if (kind >= ChangeKind.values().length) throw new TrustException("unknown change kind " + kind);
        long release = in.getLong();
        byte[] key = new byte[Ed25519Keys.RAW_LENGTH];
        in.get(key);
        byte[] sig = new byte[SIGNATURE_LENGTH];
        in.get(sig);
        return new ReleaseSignature(ChangeKind.values()[kind], release, key, sig);
    }

    @Override public boolean equals(Object o) {
        return o instanceof ReleaseSignature r && kind == r.kind && release == r.release
                && Arrays.equals(publicKey, r.publicKey) && Arrays.equals(signature, r.signature);
    }

    @Override public int hashCode() {
        return Arrays.hashCode(signature);
    }

    @Override public String toString() {
        return kind + " release " + release + " by " + fingerprint();
    }
}
