package hotsm.repl;

/**
 * An error for the person typing: a short message, and for a value or an
 * expression that could not be read, the typed text and the 0-based column
 * the caret points at. Never carries a stack trace to the screen.
 */
public final class ReplError extends Exception {
    private final String text;
    private final int column;
    private final boolean atRunTime;

    private ReplError(String message, String text, int column, boolean atRunTime) {
        super(message, null, false, false);
        this.text = text;
        this.column = column;
        this.atRunTime = atRunTime;
    }

    /** A plain one-line error. */
    public static ReplError of(String message) { return new ReplError(message, null, -1, false); }

    /** Something well-formed and well-typed failed while running (division by zero). */
    public static ReplError atRunTime(String message) { return new ReplError(message, null, -1, true); }

    /** Whether the input was understood and failed only when run. */
    public boolean isAtRunTime() { return atRunTime; }

    /** An error about {@code text} at 0-based {@code column}: printed with a caret. */
    public static ReplError at(String text, int column, String message) {
        return new ReplError(message, text, Math.max(0, Math.min(column, text.length())), false);
    }

    /** The text the caret is under, or null for a plain error. */
    public String text() { return text; }

    /** 0-based caret column in {@link #text()}, or -1. */
    public int column() { return column; }

    public boolean hasCaret() { return text != null; }

    /**
     * The lines to print. With a caret: when the text is on screen starting at
     * column {@code textStart} (after a prompt), a caret line under it, then
     * the message; when it is not ({@code textStart} -1: piped input), the
     * text itself, indented, with the caret under it, then the message.
     */
    public java.util.List<String> render(int textStart) {
        java.util.List<String> lines = new java.util.ArrayList<>();
        if (hasCaret()) {
            if (textStart >= 0 && !text.contains("\n")) {
                lines.add(" ".repeat(textStart + column) + "^");
            } else {
                lines.add("  " + text);
                lines.add("  " + " ".repeat(column) + "^");
            }
        }
        String message = getMessage();
        boolean diagnostic = message.startsWith("error:") || message.contains("\n") || message.contains(": error: ");
        lines.add(diagnostic ? message : "error: " + message);
        return lines;
    }
}
