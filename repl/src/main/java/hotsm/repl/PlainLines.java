package hotsm.repl;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * Lines from a pipe or a script, read plainly: no prompt, no ANSI codes, so a
 * scripted session's output can be checked line by line. With an echo writer,
 * each line is printed after its prompt first, so the output reads like a
 * transcript of someone typing ({@code sm demo}, {@code sm repl --echo});
 * a script's {@code -- comment} lines are echoed as they are, as narration.
 */
final class PlainLines implements LineSource {
    private final BufferedReader in;
    private final PrintWriter echo;

    /** @param echo where to print {@code prompt + line}, or null for none */
    PlainLines(BufferedReader in, PrintWriter echo) {
        this.in = in;
        this.echo = echo;
    }

    @Override public String read(String prompt) throws IOException {
        String line = in.readLine();
        if (line != null && echo != null) {
            // A script's comments narrate the transcript; they are not typed at a prompt.
            echo.println(line.strip().startsWith("--") ? line : prompt + line);
            echo.flush();
        }
        return line;
    }

    @Override public int promptWidth(String prompt) { return echo != null ? prompt.length() : -1; }

    @Override public void close() throws IOException { in.close(); }
}
