package hotsm.grammar;

import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.Pair;

/**
 * A brace or semicolon that the layout rule inserted; the user did not write
 * it. Its position is that of the real token that caused it (the first token
 * of the block, of the new item, or the token that closed the block).
 */
public final class VirtualToken extends CommonToken {
    /** Whether it is a SEMI between two top-level items ({@link LayoutTokenSource#separatesDeclarations}). */
    final boolean separatesDeclarations;

    VirtualToken(int type, String text, Token at) { this(type, text, at, false); }

    VirtualToken(int type, String text, Token at, boolean separatesDeclarations) {
        super(new Pair<>(at.getTokenSource(), at.getInputStream()), type, DEFAULT_CHANNEL, at.getStartIndex(), at.getStartIndex() - 1);
        setText(text);
        setLine(at.getLine());
        setCharPositionInLine(at.getCharPositionInLine());
        setStartIndex(at.getStartIndex());
        setStopIndex(at.getStartIndex() - 1);
        this.separatesDeclarations = separatesDeclarations;
    }
}
