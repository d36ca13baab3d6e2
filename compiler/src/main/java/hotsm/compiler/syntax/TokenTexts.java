package hotsm.compiler.syntax;

import hotsm.grammar.SmLexer;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.TokenFactory;
import org.antlr.v4.runtime.TokenSource;
import org.antlr.v4.runtime.misc.Interval;
import org.antlr.v4.runtime.misc.Pair;

/**
 * The lexer's token factory: each token gets its text when it is lexed (the
 * layout pass, the nesting limit, the parser and the AST builder all read it;
 * a token without its own text cuts a new string out of the input at every
 * read), as ANTLR's {@code CommonTokenFactory(true)} does, except that the
 * keywords and punctuation, whose text is their type's, share one string per
 * type, cut the first time the type is met.
 */
final class TokenTexts implements TokenFactory<CommonToken> {
    /** Whether a type is one literal (its text is always the same). */
    private static final boolean[] FIXED = new boolean[SmLexer.VOCABULARY.getMaxTokenType() + 1];

    static {
        for (int type = 0; type < FIXED.length; type++) FIXED[type] = SmLexer.VOCABULARY.getLiteralName(type) != null;
    }

    private final String[] fixed = new String[FIXED.length];

    @Override
    public CommonToken create(Pair<TokenSource, CharStream> source, int type, String text, int channel, int start,
                              int stop, int line, int charPositionInLine) {
        CommonToken t = new CommonToken(source, type, channel, start, stop);
        t.setLine(line);
        t.setCharPositionInLine(charPositionInLine);
        if (text != null) {
            t.setText(text);
        } else if (source.b != null) {
            t.setText(cut(source.b, type, start, stop));
        }
        return t;
    }

    private String cut(CharStream input, int type, int start, int stop) {
        boolean literal = type >= 0 && type < FIXED.length && FIXED[type];
        if (literal && fixed[type] != null) return fixed[type];
        String text = input.getText(Interval.of(start, stop));
        if (literal) fixed[type] = text;
        return text;
    }

    @Override
    public CommonToken create(int type, String text) { return new CommonToken(type, text); }
}
