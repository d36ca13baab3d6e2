package hotsm.vm.journal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The SHA-256 of an artifact's {@code .cam} bytes: the name it is stored
 * under in a data directory. Not its {@link hotsm.vm.bytecode.Identity}: two
 * builds of one machine (same name, types and step, so the same identity) may
 * carry different upgrade sections, and a node must run the exact one.
 */
public record ArtifactHash(byte[] bytes) {
    public ArtifactHash {
        if (bytes.length != 32) throw new IllegalArgumentException("an artifact hash is 32 bytes, got " + bytes.length);
        bytes = bytes.clone();
    }

    public static ArtifactHash of(byte[] cam) {
        try {
            return new ArtifactHash(MessageDigest.getInstance("SHA-256").digest(cam));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    @Override public byte[] bytes() { return bytes.clone(); }

    public String hex() { return HexFormat.of().formatHex(bytes); }

    @Override public boolean equals(Object o) { return o instanceof ArtifactHash h && Arrays.equals(bytes, h.bytes); }

    @Override public int hashCode() { return Arrays.hashCode(bytes); }

    @Override public String toString() { return hex(); }
}
