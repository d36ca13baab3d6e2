package hotsm.vm.trust;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The bytes a release signature covers:
 * {@code "hotsm release v1\0" | u8 kind | i64 release | subject}. The domain
 * prefix keeps these signatures apart from anything else the key might sign;
 * the kind and release number are inside, so neither can be changed without
 * breaking the signature.
 */
public final class ReleaseStatement {
    private ReleaseStatement() {}

    static final byte[] DOMAIN = "hotsm release v1\0".getBytes(StandardCharsets.US_ASCII);

    /** @param subject the artifact's bytes (upgrade) or the identity left (downgrade) */
    public static byte[] of(ChangeKind kind, long release, byte[] subject) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(DOMAIN.length + 9 + subject.length);
        out.writeBytes(DOMAIN);
        out.write(kind.ordinal());
        out.writeBytes(ByteBuffer.allocate(8).putLong(release).array());
        out.writeBytes(subject);
        return out.toByteArray();
    }
}
