package hotsm.compiler.syntax;

import java.util.List;
import org.antlr.v4.runtime.ListTokenSource;
import org.antlr.v4.runtime.RuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenSource;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.WritableToken;
import org.antlr.v4.runtime.misc.Interval;

/**
 * The tokens of one top-level item as the parser's input, for the fast (SLL)
 * parse: an array read by index. The item's tokens are all lexed already and
 * all on the default channel (the lexer skips trivia), so ANTLR's
 * {@code CommonTokenStream}, which fetches from a source and skips hidden
 * channels at every look, only adds work. Each token's index is its place in
 * the item, as {@code CommonTokenStream} numbers them; the last token is the
 * item's EOF, returned for every look past the end.
 */
final class ItemTokens implements TokenStream {
    private final List<Token> tokens;
    private final String file;
    private final int last;
    private int p;

    /** {@code tokens}: the item's tokens, ending in an EOF. */
    ItemTokens(List<Token> tokens, String file) {
        this.tokens = tokens;
        this.file = file;
        this.last = tokens.size() - 1;
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i) instanceof WritableToken w) w.setTokenIndex(i);
        }
    }

    @Override
    public Token LT(int k) {
        if (k == 0) return null;
        if (k < 0) return p + k < 0 ? null : tokens.get(p + k);
        return tokens.get(Math.min(p + k - 1, last));
    }

    @Override public int LA(int i) { return LT(i).getType(); }

    @Override
    public void consume() {
        if (p >= last) throw new IllegalStateException("cannot consume EOF");
        p++;
    }

    @Override public int mark() { return -1; }

    @Override public void release(int marker) {}

    @Override public int index() { return p; }

    @Override public void seek(int index) { p = Math.min(Math.max(index, 0), last); }

    @Override public int size() { return tokens.size(); }

    @Override public String getSourceName() { return file; }

    @Override public Token get(int index) { return tokens.get(index); }

    @Override public TokenSource getTokenSource() { return new ListTokenSource(tokens, file); }

    @Override
    public String getText(Interval interval) {
        int start = Math.max(0, interval.a);
        int stop = Math.min(interval.b, last);
        StringBuilder b = new StringBuilder();
        for (int i = start; i <= stop; i++) {
            Token t = tokens.get(i);
            if (t.getType() == Token.EOF) break;
            b.append(t.getText());
        }
        return b.toString();
    }

    @Override public String getText() { return getText(Interval.of(0, last)); }

    @Override public String getText(RuleContext ctx) { return getText(ctx.getSourceInterval()); }

    @Override
    public String getText(Token start, Token stop) {
        if (start == null || stop == null) return "";
        return getText(Interval.of(start.getTokenIndex(), stop.getTokenIndex()));
    }
}
