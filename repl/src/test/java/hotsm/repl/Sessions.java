package hotsm.repl;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/** Drives a {@link ReplSession} with in-memory lines, no terminal, as a pipe would. */
public final class Sessions {
    private Sessions() {}

    /** The repository root: stdlib/ and samples/ are found from it. */
    public static Path root() {
        return Path.of(System.getProperty("hotsm.root", "..")).toAbsolutePath().normalize();
    }

    /** Runs {@code lines} through a fresh session (plain, or echoed after prompts) and returns what it printed, line by line. */
    public static List<String> run(boolean echo, String... lines) {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text, true);
        try (ReplSession session = new ReplSession(out, root())) {
            Repl.loop(session, new PlainLines(new BufferedReader(new StringReader(String.join("\n", lines))), echo ? out : null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.flush();
        return text.toString().lines().toList();
    }

    static List<String> run(String... lines) { return run(false, lines); }
}
