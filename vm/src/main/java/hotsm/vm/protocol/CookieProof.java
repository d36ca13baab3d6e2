package hotsm.vm.protocol;

import java.security.MessageDigest;
import java.security.SecureRandom;

/**
 * The cookie challenge–response, independent of any transport
 * (docs/protocol.md, Handshake). Each side sends a fresh 32-byte nonce; each
 * proves it knows the cookie with HMAC-SHA-256 keyed by the cookie over both
 * nonces and a label saying who proves ({@code "hotsm node\0"} or
 * {@code "hotsm client\0"}), so neither proof can be replayed on another
 * connection or reflected back as the other side's. The cookie itself never
 * crosses the wire.
 */
public final class CookieProof {

    public static final int NONCE_LENGTH = 32;
    public static final int PROOF_LENGTH = 32;
    private static final byte[] NODE = "hotsm node\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] CLIENT = "hotsm client\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] key;

    public CookieProof(Cookie cookie) {
        this.key = cookie.secret();
    }

    public static byte[] nonce() {
        byte[] n = new byte[NONCE_LENGTH];
        RANDOM.nextBytes(n);
        return n;
    }

    /** What the node sends to show it knows the cookie. */
    public byte[] nodeProof(byte[] clientNonce, byte[] nodeNonce) {
        return hmac(NODE, clientNonce, nodeNonce);
    }

    /** What the client sends to show it knows the cookie. */
    public byte[] clientProof(byte[] clientNonce, byte[] nodeNonce) {
        return hmac(CLIENT, clientNonce, nodeNonce);
    }

    /** Compares in constant time, so the time taken says nothing about how much matched. */
    public static boolean same(byte[] expected, byte[] got) {
        return MessageDigest.isEqual(expected, got);
    }

    private byte[] hmac(byte[] label, byte[] clientNonce, byte[] nodeNonce) {
        return HmacSha256.mac(key, label, clientNonce, nodeNonce);
    }
}
