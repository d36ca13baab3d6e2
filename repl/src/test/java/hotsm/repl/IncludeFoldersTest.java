package hotsm.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import hotsm.cli.Sm;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Imports are looked up in the importing file's folder, then the -I folders, then the standard library
 * (issue 2; LANGUAGE.md §5: "then the search path"). Every command that compiles has -I, and now so
 * does {@code sm repl}: a file whose imports live in a library folder could not be loaded at all.
 */
class IncludeFoldersTest {

    @Test void theReplLoadsStepsAndEvaluatesWithAModuleFoundThroughInclude() throws Exception {
        Path lib = Sessions.root().resolve("repl/src/test/resources/cli/lib");
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text, true);
        try (ReplSession session = new ReplSession(out, Sessions.root())) {
            session.includes(List.of(lib));
            Repl.loop(session, new PlainLines(new BufferedReader(new StringReader(String.join("\n",
                    ":load repl/src/test/resources/cli/Walker.sm", "Up 5", "Down 7", "apply (1, Up 2)",
                    "let k = apply (10, Down 1)", "k", ":reload", ":state"))), null));
        }
        assertEquals(List.of(
                "Loaded Walker.sm: running Walker.walker : Step -> Int, state Int = 0",
                "5", "New state: 5", "-2", "New state: -2",
                "3 : Int", "9 : Int",
                "Loaded Walker.sm: running Walker.walker : Step -> Int, state Int = 0", "0"),
                text.toString().lines().toList());
    }

    @Test void smReplTakesInclude() {
        ReplCommand repl = new ReplCommand();
        new CommandLine(repl).parseArgs("-I", "lib", "--include", "more", "Walker.sm");
        assertEquals(List.of(Path.of("lib"), Path.of("more")), repl.includes.get());
    }
}
