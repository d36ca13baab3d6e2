package hotsm.cli;

import hotsm.cli.sm.DowngradeCommand;
import hotsm.cli.sm.InfoCommand;
import hotsm.cli.sm.NodeCommand;
import hotsm.cli.sm.SendCommand;
import hotsm.cli.sm.SnapshotCommand;
import hotsm.cli.sm.StateCommand;
import hotsm.cli.sm.UpgradeCommand;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sm}: run a node, and talk to running nodes (send inputs, upgrade,
 * downgrade, inspect). Each subcommand is its own class; adding one is one
 * line in {@link #COMMANDS} below. Exit statuses: {@link ExitStatus}.
 */
@Command(name = "sm", mixinStandardHelpOptions = true, versionProvider = Sm.Version.class,
        description = {"Run hot-swappable state machines and upgrade them while they run.", "",
                "Start a node with `sm node FILE`, then from another terminal use `sm send`, `sm upgrade`, "
                        + "`sm downgrade`, `sm info`, `sm state` and `sm snapshot` against its HOST:PORT. "
                        + "`sm COMMAND --help` explains each command."},
        footer = ExitStatus.FOOTER)
public final class Sm implements Callable<Integer> {

    /** The subcommands, added to the command line only when used ({@link Subcommands}). */
    static final java.util.List<Class<?>> COMMANDS = java.util.List.of(NodeCommand.class,
            SendCommand.class,
            UpgradeCommand.class,
            DowngradeCommand.class,
            InfoCommand.class,
            StateCommand.class,
            SnapshotCommand.class,
            hotsm.cli.sm.ClusterCommand.class,
            hotsm.repl.ReplCommand.class,
            hotsm.repl.DemoCommand.class);

    public static final int OK = ExitStatus.OK;
    public static final int USER_ERROR = ExitStatus.USER_ERROR;
    public static final int USAGE_ERROR = ExitStatus.USAGE_ERROR;
    public static final int INTERNAL_ERROR = ExitStatus.INTERNAL_ERROR;

    @Option(names = "--debug", hidden = true, scope = CommandLine.ScopeType.INHERIT,
            description = "Print stack traces of internal failures.")
    boolean debug;

    private java.io.InputStream in = System.in;
    private PrintWriter out;
    private PrintWriter err;

    /** Where subcommands read values from ({@code sm send -}; stdin unless a test says otherwise). */
    public java.io.InputStream in() { return in; }

    /** Where subcommands print results (stdout unless a test says otherwise). */
    public PrintWriter out() { return out; }

    /** Where subcommands print usage problems and internal errors. */
    public PrintWriter err() { return err; }

    @Override public Integer call() {
        err.println("sm: missing command");
        Subcommands.all(new CommandLine(this), COMMANDS).usage(err);
        return USAGE_ERROR;
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(executeWithLargeStack(args, out, err));
    }

    /**
     * {@link #execute} on a thread with a large stack, so {@code sm node|upgrade|repl} compile
     * every program {@code smc} does; returns the exit status.
     */
    public static int executeWithLargeStack(String[] args, PrintWriter out, PrintWriter err) {
        return CommandThread.run("sm", () -> execute(args, out, err));
    }

    /** Runs {@code sm args} with the given streams and returns the exit status; never throws. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        return execute(args, System.in, out, err);
    }

    /**
     * As {@link #execute(String[], PrintWriter, PrintWriter)}, reading standard input from {@code in}.
     * {@code sm send HOST:PORT [VALUE...|-]} without options runs without picocli ({@link PlainCommandLine}).
     */
    public static int execute(String[] args, java.io.InputStream in, PrintWriter out, PrintWriter err) {
        Sm sm = tool(in, out, err);
        Callable<Integer> plain = PlainCommandLine.sm(sm, args);
        if (plain == null) return parseAndExecute(sm, args);
        return PlainCommandLine.run(plain, "sm", ERROR_PREFIX, out, err);
    }

    /** {@link #execute} through picocli, whatever the command line. */
    static int parseAndExecute(String[] args, java.io.InputStream in, PrintWriter out, PrintWriter err) {
        return parseAndExecute(tool(in, out, err), args);
    }

    private static Sm tool(java.io.InputStream in, PrintWriter out, PrintWriter err) {
        Sm sm = new Sm();
        sm.in = in;
        sm.out = out;
        sm.err = err;
        return sm;
    }

    private static int parseAndExecute(Sm sm, String[] args) {
        boolean debug = Arrays.asList(args).contains("--debug");
        PrintWriter out = sm.out;
        PrintWriter err = sm.err;
        try {
            CommandLine cmd = ExitStatus.documentIn(Subcommands.add(new CommandLine(sm), COMMANDS, args))
                    .setOut(out).setErr(err)
                    .setExecutionExceptionHandler((e, commandLine, parseResult) -> failure(e, debug, err));
            return cmd.execute(args);
        } catch (Throwable e) {
            return failure(e, debug, err);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** What starts a failure's one-line message on standard error. */
    private static final String ERROR_PREFIX = "sm: ";

    private static int failure(Throwable e, boolean debug, PrintWriter err) {
        return ExitStatus.report("sm", ERROR_PREFIX, e, debug, err);
    }

    /** {@code --version}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override public String[] getVersion() {
            String v = Sm.class.getPackage().getImplementationVersion();
            return new String[] {"sm (hotsm) " + (v == null ? "0.1.0-SNAPSHOT" : v)};
        }
    }
}
