package hotsm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One mapping of failures to exit statuses for sm and smc, documented in every command's --help. */
class ExitStatusTest {

    private static String report(String prefix, Throwable e, int expected) {
        StringWriter err = new StringWriter();
        assertEquals(expected, ExitStatus.report("tool", prefix, e, false, new PrintWriter(err, true)));
        return err.toString();
    }

    @Test void eachKindOfFailureHasItsStatusAndItsPrefix() {
        assertEquals("sm: no such thing\n", report("sm: ", CliError.user("no such thing"), ExitStatus.USER_ERROR));
        assertEquals("error: no such thing\n", report("error: ", CliError.user("no such thing"), ExitStatus.USER_ERROR));
        assertEquals("sm: --port must be in 0..65535\n",
                report("sm: ", CliError.usage("--port must be in 0..65535"), ExitStatus.USAGE_ERROR));
        assertEquals("", report("sm: ", CliError.reported(), ExitStatus.USER_ERROR));
        assertEquals("F.sm:1:1: error: x\nline\n^\n",
                report("sm: ", CliError.printed("F.sm:1:1: error: x\nline\n^"), ExitStatus.USER_ERROR));
        assertTrue(report("sm: ", new IllegalStateException("boom"), ExitStatus.INTERNAL_ERROR)
                .startsWith("tool: internal error: IllegalStateException: boom"));
    }

    /** Every command's --help, run as a user runs it (however the tool builds its command tree). */
    @Test void everyCommandOfBothToolsEndsItsHelpWithTheExitStatuses() {
        List<String> missing = new ArrayList<>();
        for (String command : List.of("", "node", "send", "upgrade", "downgrade", "info", "state", "snapshot", "cluster",
                "cluster status", "repl", "demo")) {
            check("sm", command, help(out -> Sm.execute(args(command), java.io.InputStream.nullInputStream(), out,
                    new PrintWriter(new StringWriter()))), missing);
        }
        for (String command : List.of("", "check", "ir", "compile", "disasm", "run", "keygen", "sign")) {
            check("smc", command, help(out -> Smc.execute(args(command), java.io.InputStream.nullInputStream(), out,
                    new PrintWriter(new StringWriter()))), missing);
        }
        assertEquals(List.of(), missing);
    }

    private static String[] args(String command) {
        List<String> args = new ArrayList<>(command.isEmpty() ? List.of() : List.of(command.split(" ")));
        args.add("--help");
        return args.toArray(String[]::new);
    }

    private static String help(java.util.function.Consumer<PrintWriter> run) {
        StringWriter out = new StringWriter();
        run.accept(new PrintWriter(out, true));
        return out.toString();
    }

    private static void check(String tool, String command, String help, List<String> missing) {
        if (!help.replaceAll("\\s+", " ").contains("Exit status: 0 ok, 1 user error")) missing.add((tool + " " + command).strip());
    }
}
