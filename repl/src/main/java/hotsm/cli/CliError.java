package hotsm.cli;

/**
 * The one error type of the command lines ({@code sm}, {@code smc}) and of
 * what they share with the REPL ({@link MachineFiles}): a failure to report
 * and the exit status it maps to ({@link ExitStatus}). {@code sm} prints
 * {@code sm: <message>}, {@code smc} {@code error: <message>}, the REPL
 * {@code error: <message>}; a {@link #printed} error (compiler diagnostics)
 * is shown as it is, and a {@link #reported} one not at all.
 */
public final class CliError extends RuntimeException {
    private final int exitCode;
    private final boolean verbatim;

    private CliError(int exitCode, String message, boolean verbatim) {
        super(message, null, false, false);
        this.exitCode = exitCode;
        this.verbatim = verbatim;
    }

    /** What the user gave is wrong: a missing file, a bad value, a refused request, no node there (exit 1). */
    public static CliError user(String message) { return new CliError(ExitStatus.USER_ERROR, message, false); }

    /** The command line itself is wrong (exit 2). */
    public static CliError usage(String message) { return new CliError(ExitStatus.USAGE_ERROR, message, false); }

    /** Exit 1; what went wrong is already printed. */
    public static CliError reported() { return new CliError(ExitStatus.USER_ERROR, "", false); }

    /** Exit 1 with {@code text} shown as it is, without a prefix: compiler diagnostics, with their source lines. */
    public static CliError printed(String text) { return new CliError(ExitStatus.USER_ERROR, text, true); }

    public int exitCode() { return exitCode; }

    /** Whether the message is shown as it is (it already says {@code file:line:col: error:}). */
    public boolean verbatim() { return verbatim; }
}
