package hotsm.compiler.diag;

/**
 * Prints a {@link Diagnostic} the way every hotsm tool does:
 * <pre>
 * file:line:col: error: message
 * the source line
 *     ^^^
 * </pre>
 * The caret line copies tabs from the source line so the carets stay under
 * the right characters.
 */
public final class DiagnosticPrinter {
    private DiagnosticPrinter() {}

    /** The header, and the source line with carets when the line exists in {@code sourceText} (no final newline). */
    public static String render(Diagnostic diagnostic, String sourceText) {
        String header = diagnostic.header();
        String line = sourceLine(sourceText, diagnostic.line());
        if (line == null) return header;
        StringBuilder carets = new StringBuilder();
        int column = Math.max(1, diagnostic.column());
        for (int i = 0; i < column - 1; i++) {
            carets.append(i < line.length() && line.charAt(i) == '\t' ? '\t' : ' ');
        }
        int length = Math.max(1, diagnostic.length());
        if (column <= line.length()) length = Math.min(length, line.length() - column + 1);
        carets.append("^".repeat(length));
        return header + "\n" + line + "\n" + carets;
    }

    /** Line {@code number} (1-based) without its line terminator, or null. */
    static String sourceLine(String sourceText, int number) {
        if (sourceText == null || number < 1) return null;
        int start = 0;
        for (int n = 1; n < number; n++) {
            int newline = sourceText.indexOf('\n', start);
            if (newline < 0) return null;
            start = newline + 1;
        }
        if (start > sourceText.length()) return null;
        int end = sourceText.indexOf('\n', start);
        String line = end < 0 ? sourceText.substring(start) : sourceText.substring(start, end);
        if (line.endsWith("\r")) line = line.substring(0, line.length() - 1);
        if (end < 0 && line.isEmpty() && number > 1) return null;
        return line;
    }
}
