package hotsm.cli.sm;

/**
 * A failure to report in one line and exit with a status: 1 for what the user
 * gave (a missing file, a refused request, no node at that address), 2 for
 * usage. {@code sm} prints {@code sm: <message>} on standard error (nothing if
 * the message is empty: it was already printed).
 */
public final class CliError extends RuntimeException {
    private final int exitCode;

    private CliError(int exitCode, String message) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    public static CliError user(String message) { return new CliError(1, message); }

    public static CliError usage(String message) { return new CliError(2, message); }

    /** Exit 1; what went wrong is already printed. */
    public static CliError reported() { return new CliError(1, ""); }

    public int exitCode() { return exitCode; }
}
