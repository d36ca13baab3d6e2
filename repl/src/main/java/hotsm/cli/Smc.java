package hotsm.cli;

import hotsm.cli.smc.CheckCommand;
import hotsm.cli.smc.CompileCommand;
import hotsm.cli.smc.DisasmCommand;
import hotsm.cli.smc.IrCommand;
import hotsm.cli.smc.KeygenCommand;
import hotsm.cli.smc.RunCommand;
import hotsm.cli.smc.SignCommand;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code smc}, the {@code .sm} compiler: check, show the IR, compile to
 * {@code .cam} artifacts, disassemble and run them. Exit statuses:
 * {@link ExitStatus}.
 */
@Command(name = "smc", mixinStandardHelpOptions = true, versionProvider = Smc.Version.class,
        description = "The .sm compiler: type-checks state machines, compiles them to CAM bytecode artifacts (.cam), "
                + "disassembles and runs them.",
        footer = ExitStatus.FOOTER)
public final class Smc implements Callable<Integer> {

    /** The subcommands, added to the command line only when used ({@link Subcommands}). */
    static final java.util.List<Class<?>> COMMANDS = java.util.List.of(CheckCommand.class,
            IrCommand.class,
            CompileCommand.class,
            DisasmCommand.class,
            RunCommand.class,
            KeygenCommand.class,
            SignCommand.class);

    /** The help footer of every command ({@link ExitStatus#FOOTER}). */
    public static final String EXIT_STATUS = ExitStatus.FOOTER;

    public static final int OK = ExitStatus.OK;
    public static final int USER_ERROR = ExitStatus.USER_ERROR;
    public static final int USAGE_ERROR = ExitStatus.USAGE_ERROR;
    public static final int INTERNAL_ERROR = ExitStatus.INTERNAL_ERROR;

    @Option(names = "--debug", hidden = true, scope = CommandLine.ScopeType.INHERIT,
            description = "Print stack traces of internal failures.")
    boolean debug;

    private final InputStream stdin;
    private PrintWriter out;
    private PrintWriter err;

    public Smc(InputStream stdin) { this.stdin = stdin; }

    public Smc() { this(System.in); }

    /** Standard input ({@code smc run} reads values from it). */
    public InputStream stdin() { return stdin; }

    public PrintWriter out() { return out; }

    public PrintWriter err() { return err; }

    @Override public Integer call() {
        err.println("smc: missing command");
        Subcommands.all(new CommandLine(this), COMMANDS).usage(err);
        return USAGE_ERROR;
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(executeWithLargeStack(args, System.in, out, err));
    }

    /**
     * {@link #execute} on a thread with a large stack ({@link CommandThread}), as {@code main} runs it;
     * returns the exit status.
     */
    public static int executeWithLargeStack(String[] args, InputStream in, PrintWriter out, PrintWriter err) {
        return CommandThread.run("smc", () -> execute(args, in, out, err));
    }

    /**
     * Runs {@code smc args} with the given streams and returns the exit status; never throws.
     * {@code smc check FILE...} without options runs without picocli ({@link PlainCommandLine}).
     */
    public static int execute(String[] args, InputStream in, PrintWriter out, PrintWriter err) {
        Smc smc = tool(in, out, err);
        Callable<Integer> plain = PlainCommandLine.smc(smc, args);
        if (plain == null) return parseAndExecute(smc, args);
        return PlainCommandLine.run(plain, "smc", ERROR_PREFIX, out, err);
    }

    /** {@link #execute} through picocli, whatever the command line. */
    static int parseAndExecute(String[] args, InputStream in, PrintWriter out, PrintWriter err) {
        return parseAndExecute(tool(in, out, err), args);
    }

    private static Smc tool(InputStream in, PrintWriter out, PrintWriter err) {
        Smc smc = new Smc(in);
        smc.out = out;
        smc.err = err;
        return smc;
    }

    private static int parseAndExecute(Smc smc, String[] args) {
        boolean debug = Arrays.asList(args).contains("--debug");
        PrintWriter out = smc.out;
        PrintWriter err = smc.err;
        try {
            CommandLine cmd = ExitStatus.documentIn(Subcommands.add(new CommandLine(smc), COMMANDS, args))
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
    private static final String ERROR_PREFIX = "error: ";

    /** Exit status and one-line message for a failure that escaped a command. */
    static int failure(Throwable e, boolean debug, PrintWriter err) {
        return ExitStatus.report("smc", ERROR_PREFIX, e, debug, err);
    }

    /** {@code --version}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override public String[] getVersion() {
            String v = Smc.class.getPackage().getImplementationVersion();
            return new String[] {"smc (hotsm) " + (v == null ? "0.1.0-SNAPSHOT" : v)};
        }
    }
}
