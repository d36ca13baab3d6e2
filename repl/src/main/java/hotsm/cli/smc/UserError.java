package hotsm.cli.smc;

/**
 * A failure caused by what the user gave (a missing file, a bad artifact, an
 * unknown machine): {@code smc} prints {@code error: <message>} and exits 1.
 * {@link #reported()} is the same failure once its messages (diagnostics)
 * are already printed.
 */
public final class UserError extends RuntimeException {
    private final boolean reported;

    public UserError(String message) {
        super(message, null, false, false);
        this.reported = false;
    }

    private UserError() {
        super("errors reported", null, false, false);
        this.reported = true;
    }

    /** Exit 1 without printing anything more. */
    public static UserError reported() { return new UserError(); }

    public boolean isReported() { return reported; }
}
