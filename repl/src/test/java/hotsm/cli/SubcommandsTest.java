package hotsm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Subcommands are added only when used, and the tools read as if all were always there. */
class SubcommandsTest {

    @Test
    void aCommandLineNamingOneSubcommandBuildsOnlyThatOne() {
        CommandLine cl = Subcommands.add(new CommandLine(new Smc()), Smc.COMMANDS, new String[] {"--debug", "check", "x.sm"});
        assertEquals(List.of("check"), List.copyOf(cl.getSubcommands().keySet()));
    }

    @Test
    void noneOrAnUnknownOneBuildsThemAll() {
        for (String[] args : List.of(new String[] {}, new String[] {"--help"}, new String[] {"chek"}, new String[] {"@args"})) {
            CommandLine cl = Subcommands.add(new CommandLine(new Smc()), Smc.COMMANDS, args);
            assertEquals(Smc.COMMANDS.size(), cl.getSubcommands().size());
        }
    }

    @Test
    void helpListsEverySubcommandAndTheInheritedOptionStillParses() {
        assertTrue(run("--help").contains("disasm"));
        assertTrue(run("chek").contains("check"));   // picocli's suggestion for an unknown subcommand
        assertEquals(Smc.OK, Smc.execute(new String[] {"check", "--debug", "--help"}, InputStream.nullInputStream(),
                new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())));
    }

    private static String run(String... args) {
        StringWriter text = new StringWriter();
        PrintWriter w = new PrintWriter(text);
        Smc.execute(args, InputStream.nullInputStream(), w, w);
        return text.toString();
    }
}
