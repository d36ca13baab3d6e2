package hotsm.vm.protocol;

import hotsm.vm.trust.OwnerOnlyFiles;
import hotsm.vm.trust.TrustException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The shared secret that every connection to a node proves it knows, like
 * Erlang's cookie (docs/security.md). By default it is {@code $HOME/.sm/cookie},
 * created on first use with 32 random bytes (64 hex digits), owner-only, so one
 * user's nodes and clients agree with no set-up; the system property
 * {@value #PROPERTY} moves the default (the tests use it), {@code --cookie-file}
 * picks another file. The secret is the file's text without surrounding white
 * space. A cookie file that others may read or write is refused.
 *
 * @param file where the secret came from (named in error messages)
 */
public record Cookie(Path file, byte[] secret) {

    /** The system property that overrides the default cookie file. */
    public static final String PROPERTY = "hotsm.cookie";

    public Cookie {
        if (secret.length == 0) throw new TrustException("the cookie file " + file + " is empty");
        secret = secret.clone();
    }

    @Override public byte[] secret() { return secret.clone(); }

    /** {@code -Dhotsm.cookie=FILE}, else {@code $HOME/.sm/cookie}. */
    public static Path defaultFile() {
        String p = System.getProperty(PROPERTY);
        if (p != null && !p.isBlank()) return Path.of(p);
        return Path.of(System.getProperty("user.home"), ".sm", "cookie");
    }

    /** The default cookie, created if it does not exist yet. */
    public static Cookie loadDefault() throws IOException {
        return load(defaultFile(), true);
    }

    /**
     * Read a cookie file.
     *
     * @param create whether to create it (owner-only, random) if it does not exist
     * @throws TrustException if it may be read by others, is empty, or is missing and not to be created
     */
    public static Cookie load(Path file, boolean create) throws IOException {
        if (!Files.exists(file)) {
            if (!create) throw new TrustException("no cookie file " + file);
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            try {
                OwnerOnlyFiles.create(file, (HexFormat.of().formatHex(random) + "\n").getBytes(StandardCharsets.US_ASCII));
            } catch (FileAlreadyExistsException e) {
                // Another process made it first: use theirs.
            }
        }
        OwnerOnlyFiles.check(file, "The cookie file");
        // A file another process has just created may still be empty for a moment.
        for (int attempt = 0; ; attempt++) {
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (!text.isEmpty() || attempt == 20) return new Cookie(file, text.getBytes(StandardCharsets.UTF_8));
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while reading " + file);
            }
        }
    }
}
