package hotsm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** How failures that escape a command become exit statuses and one-line messages. */
class SmcFailureTest {

    private static String[] fail(Throwable e, boolean debug, int expectedStatus) {
        StringWriter err = new StringWriter();
        assertEquals(expectedStatus, Smc.failure(e, debug, new PrintWriter(err, true)));
        return err.toString().split("\n");
    }

    @Test void internalFailuresAreOneLineWithStatusThree() {
        assertEquals("smc: internal error: IllegalStateException: boom",
                String.join("|", fail(new IllegalStateException("boom\n\tat somewhere"), false, 3)));
        assertEquals("smc: internal error: StackOverflowError", String.join("|", fail(new StackOverflowError(), false, 3)));
    }

    @Test void debugAddsTheTrace() {
        String[] lines = fail(new IllegalStateException("boom"), true, 3);
        assertEquals("smc: internal error: IllegalStateException: boom", lines[0]);
        assertTrue(lines.length > 2 && lines[2].contains("\tat "), String.join("\n", lines));
    }

    @Test void userErrorsAreStatusOne() {
        assertEquals("error: no such machine", String.join("|", fail(CliError.user("no such machine"), false, 1)));
        assertEquals("", String.join("|", fail(CliError.reported(), false, 1)));
    }
}
