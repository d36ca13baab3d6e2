package hotsm.grammar;

import java.util.List;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.Token;

/**
 * Reads {@link SmLexer} and keeps from the parser the tokens that are
 * errors: a tab (reported once per line: "indent with spaces"), a stray
 * character, an unterminated string (passed on closed, so the parse goes on)
 * and an unterminated {@code {-} comment (which swallows the rest of the
 * file).
 */
final class LexicalErrorFilter {
    private final SmLexer lexer;
    private final List<LexicalError> errors;
    private int lastTabLine;

    LexicalErrorFilter(SmLexer lexer, List<LexicalError> errors) {
        this.lexer = lexer;
        this.errors = errors;
    }

    /** The next token the parser may see; lexical errors are recorded and skipped. */
    Token next() {
        while (true) {
            Token t = rawToken();
            switch (t.getType()) {
                case SmLexer.TAB -> {
                    if (t.getLine() != lastTabLine) error(t, 1, "tab character: indent with spaces");
                    lastTabLine = t.getLine();
                }
                case SmLexer.ERROR_CHARACTER -> error(t, 1, "unexpected character " + describeChar(t.getText()));
                case SmLexer.UNTERMINATED_STRING -> {
                    error(t, t.getText().length(), "unterminated string literal: add a closing '\"' on the same line");
                    CommonToken s = new CommonToken(t);
                    s.setType(SmLexer.STRING);
                    s.setText(t.getText() + "\"");
                    return s;
                }
                case SmLexer.BLOCK_COMMENT -> { // only an unterminated one reaches here
                    error(t, 2, "unterminated block comment: '{-' has no matching '-}'");
                    Token eof;
                    do eof = rawToken(); while (eof.getType() != Token.EOF);
                    return eof;
                }
                default -> {
                    return t;
                }
            }
        }
    }

    private Token rawToken() {
        return lexer.nextToken();
    }

    private void error(Token t, int length, String message) {
        errors.add(new LexicalError(t.getLine(), t.getCharPositionInLine() + 1, Math.max(1, length), message));
    }

    private static String describeChar(String text) {
        int c = text.codePointAt(0);
        String code = String.format("U+%04X", c);
        if (c == '\'') return "''' (strings use double quotes: \"...\")";
        if (c >= 0x21 && c < 0x7f) return "'" + text + "'";
        if (Character.isISOControl(c) || Character.isWhitespace(c) || Character.isSpaceChar(c)) return code;
        return "'" + text + "' (" + code + ")";
    }
}
