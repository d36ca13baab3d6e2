package hotsm.grammar;

/**
 * A problem found while reading characters (a tab, a stray character, an
 * unterminated string or comment). The offending characters never reach the
 * parser.
 *
 * @param line   1-based
 * @param column 1-based
 * @param length how many characters to underline (at least 1)
 */
public record LexicalError(int line, int column, int length, String message) {}
