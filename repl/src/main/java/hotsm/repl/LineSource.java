package hotsm.repl;

import java.io.IOException;

/** Where the REPL's lines come from: a terminal, a pipe, or a script. */
interface LineSource extends AutoCloseable {

    /**
     * The next line, after showing {@code prompt} where that makes sense;
     * null at the end of input (Ctrl-D, end of the pipe). A line cancelled
     * with Ctrl-C comes back empty.
     */
    String read(String prompt) throws IOException;

    /**
     * Where the line just read starts on screen (the prompt's width), so an
     * error can put a caret under it; -1 when the line is not on screen.
     */
    int promptWidth(String prompt);

    @Override default void close() throws IOException {}
}
