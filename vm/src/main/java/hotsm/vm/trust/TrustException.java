package hotsm.vm.trust;

/** A signature, key or release that is not acceptable; the message says which and why, ready to print. */
public final class TrustException extends RuntimeException {
    public TrustException(String message) {
        super(message);
    }

    public TrustException(String message, Throwable cause) {
        super(message, cause);
    }
}
