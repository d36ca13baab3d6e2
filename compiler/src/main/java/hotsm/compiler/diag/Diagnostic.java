package hotsm.compiler.diag;

/**
 * One message about a source file. Printed by {@link DiagnosticPrinter} as
 * {@code file:line:col: error: message}, the source line and a caret.
 *
 * @param file    the path as the user gave it
 * @param line    1-based
 * @param column  1-based
 * @param length  how many characters the caret underlines (at least 1)
 */
public record Diagnostic(String file, int line, int column, int length, Severity severity, String message) {
    public enum Severity {
        ERROR, WARNING;
        @Override public String toString() { return name().toLowerCase(java.util.Locale.ROOT); }
    }

    public static Diagnostic error(Location pos, String message) {
        return new Diagnostic(pos.file(), pos.line(), pos.column(), 1, Severity.ERROR, message);
    }

    public static Diagnostic error(Location pos, int length, String message) {
        return new Diagnostic(pos.file(), pos.line(), pos.column(), Math.max(1, length), Severity.ERROR, message);
    }

    /** The first line of the printed form: {@code file:line:col: error: message}. */
    public String header() { return file + ":" + line + ":" + column + ": " + severity + ": " + message; }
}
