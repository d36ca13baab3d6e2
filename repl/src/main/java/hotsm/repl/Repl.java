package hotsm.repl;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.jline.terminal.Terminal;

/** The read–eval–print loop: reads lines from a {@link LineSource} and hands them to a {@link ReplSession}. */
public final class Repl {
    private Repl() {}

    /** Runs until the input ends or {@code :quit}; returns how many lines ended in an error. */
    static int loop(ReplSession session, LineSource lines) throws IOException {
        return loop(session, lines, session::handle);
    }

    /** As {@link #loop(ReplSession, LineSource)}, each line handled by {@code handler} (a {@link LineRunner}'s). */
    static int loop(ReplSession session, LineSource lines, java.util.function.Consumer<String> handler) throws IOException {
        while (session.running()) {
            String prompt = session.prompt();
            String line = lines.read(prompt);
            if (line == null) break;
            session.promptShown(lines.promptWidth(prompt));
            handler.accept(line);
        }
        return session.errors();
    }

    /**
     * Whether standard input and output are a terminal. On Java 22 and later
     * {@code System.console()} exists even for a pipe, so ask it when it can say.
     */
    static boolean onTerminal() {
        java.io.Console console = System.console();
        if (console == null) return false;
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true; // Java 17: a console exists only for a terminal
        }
    }

    /**
     * {@code sm repl}: on a terminal, JLine with editing, history and
     * completion; otherwise plain lines from standard input (echoed after a
     * prompt when {@code echo}). {@code setup} lines (a {@code :load},
     * a {@code :connect}) run first. Returns the exit status: 0, or 1 when
     * a piped session had errors.
     *
     * @param piped where a piped session prints (null: standard output)
     */
    public static int run(Path baseDir, java.util.List<String> setup, boolean echo, PrintWriter piped) throws IOException {
        return run(baseDir, setup, echo, piped, null);
    }

    /** The same, with the cookie and TLS {@code :connect} uses (null: the default cookie, no TLS). */
    public static int run(Path baseDir, java.util.List<String> setup, boolean echo, PrintWriter piped,
                          hotsm.vm.protocol.ConnectionSecurity security) throws IOException {
        return run(baseDir, setup, echo, piped, security, java.util.List.of());
    }

    /** The same, with the folders {@code -I} names for the imports of the files it compiles. */
    public static int run(Path baseDir, java.util.List<String> setup, boolean echo, PrintWriter piped,
                          hotsm.vm.protocol.ConnectionSecurity security, java.util.List<Path> includes)
            throws IOException {
        boolean interactive = onTerminal() && !echo;
        if (interactive) {
            Terminal terminal = TerminalLines.systemTerminal();
            try (ReplSession session = new ReplSession(terminal.writer(), baseDir);
                 TerminalLines lines = new TerminalLines(terminal, session)) {
                session.security(security);
                session.includes(includes);
                terminal.writer().println("hotsm REPL; :help for help, :quit or Ctrl-D to leave");
                // Ctrl-C while a line runs stops it (JLine handles it itself while a line is typed).
                LineRunner runner = new LineRunner(session);
                terminal.handle(Terminal.Signal.INT, signal -> runner.interrupt());
                setup.forEach(runner::handle);
                loop(session, lines, runner::handle);
                return 0;
            }
        }
        PrintWriter out = piped != null ? piped : new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try (ReplSession session = new ReplSession(out, baseDir)) {
            session.security(security);
            session.includes(includes);
            for (String line : setup) {
                if (echo) out.println(session.prompt() + line);
                session.promptShown(echo ? session.prompt().length() : -1);
                session.handle(line);
            }
            int errors = loop(session, new PlainLines(in, echo ? out : null));
            out.flush();
            return errors == 0 ? 0 : 1;
        }
    }
}
