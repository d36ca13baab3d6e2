package hotsm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

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

    @Test void everyCommandOfBothToolsEndsItsHelpWithTheExitStatuses() {
        List<String> missing = new ArrayList<>();
        for (String[] tool : List.of(new String[] {"sm"}, new String[] {"smc"})) {
            CommandLine root = ExitStatus.documentIn(new CommandLine(tool[0].equals("sm") ? new Sm() : new Smc()));
            assertTrue(root.getSubcommands().size() >= 7, tool[0] + ": " + root.getSubcommands().keySet());
            check(root, missing);
        }
        assertEquals(List.of(), missing);
    }

    private static void check(CommandLine c, List<String> missing) {
        String help = c.getUsageMessage(CommandLine.Help.Ansi.OFF);
        if (!help.replaceAll("\\s+", " ").contains("Exit status: 0 ok, 1 user error")) {
            missing.add(c.getCommandSpec().qualifiedName());
        }
        for (CommandLine sub : c.getSubcommands().values()) check(sub, missing);
    }
}
