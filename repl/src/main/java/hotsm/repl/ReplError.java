package hotsm.repl;

/**
 * An error for the person typing: a short message, and for a value or an
 * expression that could not be read, the typed text and the 0-based column
 * the caret points at. Never carries a stack trace to the screen.
 */
public final class ReplError extends Exception {
    private final String text;
    private final int column;

    private ReplError(String message, String text, int column) {
        super(message, null, false, false);
        this.text = text;
        this.column = column;
    }

    /** A plain one-line error. */
    public static ReplError of(String message) { return new ReplError(message, null, -1); }

    /** An error about {@code text} at 0-based {@code column}: printed with a caret. */
    public static ReplError at(String text, int column, String message) {
        return new ReplError(message, text, Math.max(0, Math.min(column, text.length())));
    }

    /** The text the caret is under, or null for a plain error. */
    public String text() { return text; }

    /** 0-based caret column in {@link #text()}, or -1. */
    public int column() { return column; }

    public boolean hasCaret() { return text != null; }
}
