package hotsm.compiler.syntax;

import hotsm.grammar.SmLexer;
import hotsm.grammar.SmParser;
import hotsm.grammar.VirtualToken;
import java.util.Optional;
import java.util.Set;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RuleContext;
import org.antlr.v4.runtime.Token;

/**
 * Syntax errors that come from writing Haskell (GHC's arrow notation, guards,
 * {@code ::}) or from over-indenting a {@code do} statement, recognised from
 * the tokens around the error, and said with what to write instead. Each is
 * a case of the error corpus ({@code compiler/src/test/resources/errors}).
 * {@link SyntaxErrors} asks here before it words a parse error itself.
 */
final class HaskellHabits {
    private HaskellHabits() {}

    /** Where to point and what to say. */
    record Hint(int line, int column, int length, String message) {}

    private static final Set<Integer> ARGUMENT_START = Set.of(SmLexer.LOWER, SmLexer.UPPER, SmLexer.QUALIFIED_UPPER,
            SmLexer.QUALIFIED_LOWER, SmLexer.LPAREN, SmLexer.INT, SmLexer.STRING, SmLexer.WILDCARD);

    /**
     * The hint for a parse error at {@code offending}, if it is one of the habits.
     *
     * @param expected what {@link SyntaxErrors} would say was expected ({@code expected '='})
     */
    static Optional<Hint> recognise(SmParser parser, CommonTokenStream tokens, Token offending, String expected) {
        if (offending instanceof VirtualToken || offending.getType() == Token.EOF) return Optional.empty();
        Token previous = real(tokens, offending.getTokenIndex(), -1);
        Token next = real(tokens, offending.getTokenIndex(), +1);
        int type = offending.getType();
        int before = previous == null ? Token.INVALID_TYPE : previous.getType();
        if (type == SmLexer.COLON && before == SmLexer.COLON && adjacent(previous, offending)) {
            Token name = real(tokens, previous.getTokenIndex(), -1);
            String n = name == null ? "name" : name.getText();
            return at(previous, 2, "'::' is Haskell's; a signature has one colon: '" + n + " : Type'");
        }
        if ("::".equals(offending.getText()) && before == SmLexer.LOWER && inEquationOrAlternative(parser)) {
            // a lexer with a '::' token (the list cons of language v2) stops here, after the name
            return at(offending, 2, "'::' is Haskell's; a signature has one colon: '" + previous.getText() + " : Type'");
        }
        if (type == SmLexer.LT && before == SmLexer.FEED && adjacent(previous, offending)) {
            return at(previous, 3, "'-<<' (an arrow computed from bound variables, ArrowApply) is not supported: the arrow"
                    + " fed must be fixed; feed with '-<' and choose between arrows with 'case' or 'if'");
        }
        if (type == SmLexer.BAR && before == SmLexer.LPAREN && adjacent(previous, offending)) {
            return at(previous, 2, "banana brackets '(| ... |)' (user-defined control operators) are not supported:"
                    + " write the command with 'do', 'case' or 'if'");
        }
        if (type == SmLexer.BAR && (expected.contains("'='") || expected.contains("'->'")) && inEquationOrAlternative(parser)) {
            return at(offending, 1, "guards ('| condition') are not supported: write the choice in the body with"
                    + " 'if ... then ... else ...' or 'case'");
        }
        if (previous != null && before == SmLexer.LOWER && previous.getText().equals("rec") && inDo(parser)) {
            return at(previous, 3, "'rec' (recursive arrow bindings) is not supported: keep what feeds back in the"
                    + " machine's state, reading it with 'get -< ()' and writing it with 'put -< e'");
        }
        if (type == SmLexer.FEED && (before == SmLexer.UPPER || before == SmLexer.QUALIFIED_UPPER)) {
            return at(previous, previous.getText().length(), constructorFed(previous.getText()));
        }
        if ((type == SmLexer.UPPER || type == SmLexer.QUALIFIED_UPPER) && next != null && next.getType() == SmLexer.FEED
                && !expected.startsWith("expected a command")) {
            return at(offending, offending.getText().length(), constructorFed(offending.getText()));
        }
        if (expected.equals("expected '-<'") && ARGUMENT_START.contains(type)
                && (before == SmLexer.LOWER || before == SmLexer.QUALIFIED_LOWER) && feedLaterOnLine(tokens, offending)) {
            String arrow = previous.getText();
            return at(offending, offending.getText().length(), "an arrow is not applied to arguments ('" + arrow
                    + " x -< e'): put them in what it is fed, '" + arrow + " -< (x, e)', or make '" + arrow
                    + "' a function of them");
        }
        return overIndented(parser, tokens, offending);
    }

    /** Whether a {@code -<} follows on the line ({@code g (2 + x) -< e}, not a forgotten {@code -<}: {@code get ()}). */
    private static boolean feedLaterOnLine(CommonTokenStream tokens, Token t) {
        tokens.fill();   // the parser stopped here; the rest of the line may not be buffered yet
        for (int i = t.getTokenIndex() + 1; i < tokens.size(); i++) {
            Token u = tokens.get(i);
            if (u.getType() == Token.EOF || !(u instanceof VirtualToken) && u.getLine() != t.getLine()) return false;
            if (u.getType() == SmLexer.FEED) return true;
        }
        return false;
    }

    static String constructorFed(String constructor) {
        return "'" + constructor + "' is a constructor, not an arrow: write 'returnA -< " + constructor + " ...'";
    }

    /**
     * A {@code do} statement indented more than the one above it continues
     * that statement (layout), so the parser stumbles later on its line.
     */
    private static Optional<Hint> overIndented(SmParser parser, CommonTokenStream tokens, Token offending) {
        if (!inDo(parser)) return Optional.empty();
        Token first = firstOnLine(tokens, offending);
        if (first == offending) return Optional.empty();
        // Between the line before and this one, layout inserted nothing: this line was taken as a continuation.
        Token above = null;
        for (int i = first.getTokenIndex() - 1; i >= 0; i--) {
            Token t = tokens.get(i);
            if (t instanceof VirtualToken) return Optional.empty();
            above = t;
            break;
        }
        if (above == null || above.getLine() >= first.getLine()) return Optional.empty();
        Token aboveFirst = firstOnLine(tokens, above);
        if (first.getCharPositionInLine() <= aboveFirst.getCharPositionInLine()) return Optional.empty();
        if (!looksLikeStatement(tokens, first)) return Optional.empty();   // a long expression wrapped, not a statement
        int column = aboveFirst.getCharPositionInLine() + 1;
        return Optional.of(new Hint(first.getLine(), first.getCharPositionInLine() + 1, first.getText().length(),
                "this statement is indented more than the one above it (column " + column + "), so it is read as"
                        + " part of that one; start it in column " + column + ", as the other statements of its 'do' block"));
    }

    /** A line with {@code -<} or {@code <-} on it, or starting with {@code let}. */
    private static boolean looksLikeStatement(CommonTokenStream tokens, Token first) {
        if (first.getType() == SmLexer.LET) return true;
        tokens.fill();
        for (int i = first.getTokenIndex(); i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.getType() == Token.EOF || !(t instanceof VirtualToken) && t.getLine() != first.getLine()) return false;
            if (t.getType() == SmLexer.FEED || t.getType() == SmLexer.BIND) return true;
        }
        return false;
    }

    private static Token firstOnLine(CommonTokenStream tokens, Token t) {
        Token first = t;
        for (int i = t.getTokenIndex() - 1; i >= 0; i--) {
            Token u = tokens.get(i);
            if (u instanceof VirtualToken) continue;
            if (u.getLine() != t.getLine()) break;
            first = u;
        }
        return first;
    }

    private static boolean inEquationOrAlternative(SmParser parser) {
        for (RuleContext c = parser.getContext(); c != null; c = c.parent) {
            if (c instanceof SmParser.ValueDeclContext || c instanceof SmParser.AltContext
                    || c instanceof SmParser.CmdAltContext) {
                return true;
            }
        }
        return false;
    }

    private static boolean inDo(SmParser parser) {
        for (RuleContext c = parser.getContext(); c != null; c = c.parent) {
            if (c instanceof SmParser.StmtBlockContext || c instanceof SmParser.StmtContext) return true;
        }
        return false;
    }

    private static boolean adjacent(Token a, Token b) {
        return a.getLine() == b.getLine() && a.getStopIndex() + 1 == b.getStartIndex();
    }

    private static Optional<Hint> at(Token t, int length, String message) {
        return Optional.of(new Hint(t.getLine(), t.getCharPositionInLine() + 1, length, message));
    }

    private static Token real(CommonTokenStream tokens, int index, int direction) {
        for (int i = index + direction; i >= 0 && i < tokens.size(); i += direction) {
            Token t = tokens.get(i);
            if (!(t instanceof VirtualToken)) return t.getType() == Token.EOF ? null : t;
        }
        return null;
    }
}
