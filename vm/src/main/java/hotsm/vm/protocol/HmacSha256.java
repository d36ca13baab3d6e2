package hotsm.vm.protocol;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * HMAC-SHA-256 (RFC 2104) over the JDK's SHA-256 {@link MessageDigest}, for
 * the cookie proofs ({@link CookieProof}). {@code javax.crypto.Mac} computes
 * the same bytes, but its first {@code getInstance} sets up the JCE (the
 * provider list down to SunJCE, its verification, the crypto policy files):
 * about 14 ms of CPU at the start of every client command, for two 32-byte
 * proofs (docs/performance.md). {@code HmacSha256Test} holds it to
 * {@code Mac}'s output.
 */
final class HmacSha256 {
    /** SHA-256's block size in bytes. */
    private static final int BLOCK = 64;

    private HmacSha256() {}

    /** The HMAC-SHA-256 of the concatenation of {@code parts} under {@code key}. */
    static byte[] mac(byte[] key, byte[]... parts) {
        MessageDigest sha = sha256();
        byte[] k = key.length > BLOCK ? sha.digest(key) : key;
        byte[] inner = new byte[BLOCK];
        byte[] outer = new byte[BLOCK];
        for (int i = 0; i < BLOCK; i++) {
            byte b = i < k.length ? k[i] : 0;
            inner[i] = (byte) (b ^ 0x36);
            outer[i] = (byte) (b ^ 0x5c);
        }
        sha.update(inner);
        for (byte[] p : parts) sha.update(p);
        byte[] innerHash = sha.digest();
        sha.update(outer);
        sha.update(innerHash);
        return sha.digest();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
