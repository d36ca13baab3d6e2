package hotsm.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hotsm.cli.Sm;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code sm repl} and {@code sm demo} as the command line runs them, standard input piped. */
class ReplCommandTest {

    private record Run(int status, List<String> out, String err) {}

    private static Run sm(String stdin, String... args) {
        InputStream saved = System.in;
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        try {
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            int status = Sm.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
            return new Run(status, out.toString().lines().toList(), err.toString());
        } finally {
            System.setIn(saved);
        }
    }

    private static String counter1() { return Sessions.root().resolve("samples/counter/Counter1.sm").toString(); }

    @Test void aPipedSessionPrintsNoPromptAndExitsZero() {
        Run run = sm("Incr\nCount\n", "repl", counter1());
        assertEquals(0, run.status(), run.err());
        assertEquals(List.of(
                "Loaded Counter1.sm: running Counter1.counter : Input -> Output, state Int = 0",
                "Ok", "New state: 1", "Total 1", "New state: 1"), run.out());
        assertTrue(run.out().stream().noneMatch(l -> l.contains("\u001b")), run.out().toString());
    }

    @Test void aPipedSessionWithErrorsExitsOne() {
        Run run = sm("Incrr\nCount\n", "repl", counter1());
        assertEquals(1, run.status());
        assertEquals(List.of("Total 0", "New state: 0"), run.out().subList(run.out().size() - 2, run.out().size()));
    }

    @Test void echoPrintsEachLineAfterItsPrompt() {
        Run run = sm("Incr\n", "repl", "--echo", counter1());
        assertEquals("sm> :load " + counter1(), run.out().get(0));
        assertEquals("Counter1.counter> Incr", run.out().get(2));
    }

    @Test void smDemoRunsTheSeedSession() {
        Run run = sm("", "demo");
        assertEquals(0, run.status(), run.err() + run.out());
        assertTrue(run.out().contains("Downgrade successful!"), run.out().toString());
    }
}
