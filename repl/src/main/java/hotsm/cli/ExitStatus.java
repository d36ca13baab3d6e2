package hotsm.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * The exit statuses of {@code sm} and {@code smc}, and the one mapping of a
 * failure that escapes a command to a status and a message:
 * <ul>
 *   <li>0: ok;</li>
 *   <li>1: a user error ({@link CliError#user}: a bad program, file, value or
 *       artifact, a refused request, no node there), its message after the
 *       tool's prefix, or compiler diagnostics as they are;</li>
 *   <li>2: a usage error ({@link CliError#usage}, or an option value a command
 *       checks itself, {@link CommandLine.ParameterException}, which is followed by the usage);</li>
 *   <li>3: an internal failure, one line, {@code --debug} adds the stack trace.</li>
 * </ul>
 * The help of every command ends with {@link #FOOTER}.
 */
public final class ExitStatus {
    private ExitStatus() {}

    public static final int OK = 0;
    public static final int USER_ERROR = 1;
    public static final int USAGE_ERROR = 2;
    public static final int INTERNAL_ERROR = 3;

    /** The help footer of {@code sm}, {@code smc} and each of their commands. */
    public static final String FOOTER = "%nExit status: 0 ok, 1 user error (a bad program, file, value or artifact;"
            + " a refused request; no node there), 2 usage error, 3 internal failure.";

    /**
     * Prints what {@code e} says, {@code prefix} before a user or usage
     * error's message, and returns its exit status.
     *
     * @param tool   {@code sm} or {@code smc}, for internal failures
     * @param prefix {@code "sm: "} or {@code "error: "}
     */
    static int report(String tool, String prefix, Throwable e, boolean debug, PrintWriter err) {
        if (e instanceof CliError c) {
            if (c.verbatim()) err.println(c.getMessage());
            else if (!c.getMessage().isEmpty()) err.println(prefix + c.getMessage());
            err.flush();
            return c.exitCode();
        }
        if (e instanceof CommandLine.ParameterException p) {
            err.println(p.getMessage());
            p.getCommandLine().usage(err);
            err.flush();
            return USAGE_ERROR;
        }
        return CommandThread.internalFailure(tool, e, debug, err);
    }

    /** Ends the help of {@code command} and of every command below it with {@link #FOOTER}. */
    static CommandLine documentIn(CommandLine command) {
        command.getCommandSpec().usageMessage().footer(FOOTER);
        for (CommandLine sub : command.getSubcommands().values()) documentIn(sub);
        return command;
    }
}
