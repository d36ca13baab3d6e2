package hotsm.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Ctrl-C during an evaluation returns to the prompt with the session intact
 * (issue #13: it used to end the REPL with status 130, losing the machine).
 * The terminal's INT handler calls {@link LineRunner#interrupt()}; here the
 * test calls it while a long evaluation runs.
 */
class InterruptTest {

    @Test void ctrlCStopsALongEvaluationAndTheSessionGoesOn() throws Exception {
        StringWriter text = new StringWriter();
        try (ReplSession session = new ReplSession(new PrintWriter(text, true), Sessions.root())) {
            LineRunner runner = new LineRunner(session);
            session.fuel(Long.MAX_VALUE);   // no step limit: only Ctrl-C ends this evaluation
            runner.handle(":load samples/counter/Counter1.sm");
            runner.handle("Incr");
            // 2^16 times a million characters built: minutes of work.
            runner.handle("s0 = \"" + "x".repeat(1 << 10) + "\"");
            for (int i = 1; i <= 9; i++) runner.handle("s" + i + " = s" + (i - 1) + " ++ s" + (i - 1));
            runner.handle("k0 n = n + length (s9 ++ s9)");
            for (int i = 1; i <= 16; i++) runner.handle("k" + i + " n = k" + (i - 1) + " (k" + (i - 1) + " n)");
            text.getBuffer().setLength(0);

            Thread typing = new Thread(() -> runner.handle("k16 0"));
            typing.start();
            while (!runner.busy() && typing.isAlive()) Thread.onSpinWait();
            runner.interrupt();
            typing.join(60_000);
            assertFalse(typing.isAlive(), "the interrupted line did not return to the prompt");

            runner.handle("1 + 2");
            runner.handle(":state");
        }
        List<String> out = text.toString().lines().toList();
        assertEquals(List.of("Interrupted.", "3 : Int", "1"), out, out.toString());
    }

    @Test void aLineWaitingForANodeThatNeverAnswersIsGivenUpAndTheSessionGoesOn() throws Exception {
        StringWriter text = new StringWriter();
        try (java.net.ServerSocket silent = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
             ReplSession session = new ReplSession(new PrintWriter(text, true), Sessions.root())) {
            LineRunner runner = new LineRunner(session, 200);
            // The connection is accepted (backlog) but no welcome ever comes.
            Thread typing = new Thread(() -> runner.handle(":connect 127.0.0.1:" + silent.getLocalPort()));
            typing.start();
            while (!runner.busy() && typing.isAlive()) Thread.onSpinWait();
            runner.interrupt();
            typing.join(30_000);
            assertFalse(typing.isAlive(), "the line was not given up");
            runner.handle("1 + 2");
        }
        assertEquals(List.of("Interrupted.", "3 : Int"), text.toString().lines().toList());
    }

    @Test void aLineThatIsNotInterruptedIsHandledAsUsual() {
        StringWriter text = new StringWriter();
        try (ReplSession session = new ReplSession(new PrintWriter(text, true), Sessions.root())) {
            LineRunner runner = new LineRunner(session);
            runner.interrupt();            // Ctrl-C at the prompt: JLine's business, nothing runs
            runner.handle("1 + 2");
            assertFalse(runner.busy());
        }
        assertEquals(List.of("3 : Int"), text.toString().lines().toList());
    }

    @Test void theHistoryIsKeptInHomeAsTheEnvironmentSaysIt() {
        assertEquals(Path.of("/home/ada/.sm_history"), TerminalLines.historyFile("/home/ada", "/root"));
        assertEquals(Path.of("/root/.sm_history"), TerminalLines.historyFile(null, "/root"));
        assertEquals(Path.of("/root/.sm_history"), TerminalLines.historyFile("", "/root"));
        assertTrue(TerminalLines.historyFile().endsWith(".sm_history"));
    }
}
