package hotsm.repl;

import java.io.IOException;
import java.nio.file.Path;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * Lines from a real terminal through JLine 3: editing, persistent history in
 * {@code $HOME/.sm_history}, tab completion; Ctrl-C cancels the line being
 * typed (and, through {@link LineRunner}, stops a line that runs), Ctrl-D on
 * an empty line ends the session.
 */
final class TerminalLines implements LineSource {
    private final Terminal terminal;
    private final LineReader reader;

    /** The system terminal; build it first, the session prints to its writer. */
    static Terminal systemTerminal() throws IOException {
        return TerminalBuilder.builder().system(true).dumb(true).build();
    }

    TerminalLines(Terminal terminal, ReplSession session) {
        this.terminal = terminal;
        DefaultParser parser = new DefaultParser();
        // Values and expressions contain quotes and backslashes meant for our parser, not JLine's.
        parser.setEscapeChars(new char[0]);
        parser.setEofOnUnclosedQuote(false);
        this.reader = LineReaderBuilder.builder()
                .appName("sm")
                .terminal(terminal)
                .parser(parser)
                .completer(new ReplCompleter(session))
                .variable(LineReader.HISTORY_FILE, historyFile())
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .build();
    }

    /** {@code $HOME/.sm_history}; without {@code HOME}, in Java's idea of the home folder. */
    static Path historyFile() { return historyFile(System.getenv("HOME"), System.getProperty("user.home")); }

    static Path historyFile(String home, String javaHome) {
        return Path.of(home != null && !home.isBlank() ? home : javaHome, ".sm_history");
    }

    @Override public String read(String prompt) {
        try {
            return reader.readLine(prompt);
        } catch (UserInterruptException e) {
            return "";
        } catch (EndOfFileException e) {
            return null;
        }
    }

    @Override public int promptWidth(String prompt) { return prompt.length(); }

    @Override public void close() throws IOException {
        reader.getHistory().save();
        terminal.close();
    }
}
