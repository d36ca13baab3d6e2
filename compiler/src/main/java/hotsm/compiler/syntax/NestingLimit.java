package hotsm.compiler.syntax;

import hotsm.compiler.diag.Diagnostic;
import hotsm.grammar.SmLexer;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.Token;

/**
 * A limit on how deeply brackets nest, checked on the tokens in one linear
 * pass before parsing: past it the parser's error recovery costs time
 * quadratic in the depth (20,000 unclosed {@code (} took half a minute) and
 * later phases recurse as deep. A program over it gets one located error at
 * the bracket that goes past the limit.
 */
final class NestingLimit {
    private NestingLimit() {}

    /** The deepest bracket nesting a program may have (legitimate programs nest some thousands deep). */
    static final int MAX_DEPTH = 5_000;

    /** The error for the first bracket that opens past {@link #MAX_DEPTH}, if any. */
    static Optional<Diagnostic> check(String file, List<? extends Token> tokens) {
        int depth = 0;
        for (Token t : tokens) {   // by type: the brackets, written or virtual, are the only tokens of these types
            int type = t.getType();
            if (type == SmLexer.LPAREN || type == SmLexer.LBRACKET || type == SmLexer.LBRACE) {
                if (++depth > MAX_DEPTH) {
                    return Optional.of(new Diagnostic(file, t.getLine(), t.getCharPositionInLine() + 1, 1,
                            Diagnostic.Severity.ERROR, "the program is nested too deeply: brackets nest more than "
                            + MAX_DEPTH + " levels here"));
                }
            } else if ((type == SmLexer.RPAREN || type == SmLexer.RBRACKET || type == SmLexer.RBRACE) && depth > 0) {
                depth--;
            }
        }
        return Optional.empty();
    }
}
