package hotsm.vm.trust;

import java.util.Objects;

/**
 * Who made a change, as the version history records it.
 *
 * @param key         the trusted key's name (its {@code .pub} file's name without the extension)
 * @param fingerprint {@link Ed25519Keys#fingerprint} of the key
 * @param release     the release number it signed
 */
public record Signer(String key, String fingerprint, long release) {
    public Signer {
        Objects.requireNonNull(key);
        Objects.requireNonNull(fingerprint);
    }

    /** {@code release 3 signed by ops (1a2b3c4d5e6f7a8b)}. */
    public String describe() {
        return "release " + release + " signed by " + key + " (" + fingerprint + ")";
    }
}
