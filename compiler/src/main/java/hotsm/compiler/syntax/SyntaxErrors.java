package hotsm.compiler.syntax;

import hotsm.compiler.diag.Diagnostic;
import hotsm.grammar.SmLexer;
import hotsm.grammar.SmParser;
import hotsm.grammar.VirtualToken;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * Replaces ANTLR's console listener: turns each syntax error into a
 * {@link Diagnostic} that says, in words, what was found and what was
 * expected. Errors at layout tokens are reported at the end of the line (or
 * file) they stand for. The front end keeps only the first error of each
 * top-level declaration, since later ones are mostly echoes of it.
 */
final class SyntaxErrors extends BaseErrorListener {
    private final String file;
    private final CommonTokenStream tokens;
    private final boolean endIsEndOfFile;
    private final List<Diagnostic> errors = new ArrayList<>();

    /** {@code endIsEndOfFile}: whether the EOF of {@code tokens} is the file's, or only the end of one item. */
    SyntaxErrors(String file, CommonTokenStream tokens, boolean endIsEndOfFile) {
        this.file = file;
        this.tokens = tokens;
        this.endIsEndOfFile = endIsEndOfFile;
    }

    @Override
    public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int charPositionInLine,
                            String msg, RecognitionException e) {
        Token offending = (Token) offendingSymbol;
        SmParser parser = (SmParser) recognizer;
        Found found = found(offending);
        String expected;
        if (e instanceof NoViableAltException noViable && noViable.getStartToken() != offending
                && noViable.getStartToken().getTokenIndex() < offending.getTokenIndex()) {
            expected = ExpectedTokens.rulePhrase(parser.getContext().getRuleIndex());
        } else {
            IntervalSet set;
            try {
                set = e != null && e.getExpectedTokens() != null && !(e instanceof NoViableAltException)
                        ? e.getExpectedTokens() : parser.getExpectedTokens();
            } catch (RuntimeException notAvailable) {
                set = new IntervalSet();
            }
            Token previous = offending.getTokenIndex() > 0 ? realNeighbour(offending.getTokenIndex(), -1) : null;
            boolean startsLine = !(offending instanceof VirtualToken) && offending.getType() != Token.EOF
                    && previous != null && previous.getLine() < offending.getLine();
            String words = ExpectedTokens.describe(set, previous == null ? Token.INVALID_TYPE : previous.getType(), startsLine);
            if (startsLine && words.equals("the end of the line")) {
                expected = "this line continues the line before it, which is complete; check its indentation";
            } else {
                expected = words.isEmpty() ? ExpectedTokens.rulePhrase(parser.getContext().getRuleIndex()) : "expected " + words;
            }
        }
        if (expected.equals("expected '='") && parser.getContext().getRuleIndex() == SmParser.RULE_valueDecl
                && PARAMETER_START.contains(offending.getType())) {
            expected += " (a function has one parameter; several are a tuple: 'f (x, y) = ...')";
        } else if (offending.getType() == SmLexer.WHERE && !parserInMachine(parser)) {
            expected += " ('where' belongs to machines; in a function use 'let ... in ...')";
        }
        if (expected.equals("expected a command")
                && (offending.getType() == SmLexer.UPPER || offending.getType() == SmLexer.QUALIFIED_UPPER)) {
            expected += " (a constructor is not an arrow: write 'returnA -< " + offending.getText() + " ...')";
        }
        java.util.Optional<HaskellHabits.Hint> habit = HaskellHabits.recognise(parser, tokens, offending, expected);
        if (habit.isPresent()) {
            HaskellHabits.Hint h = habit.get();
            errors.add(new Diagnostic(file, h.line(), h.column(), h.length(), Diagnostic.Severity.ERROR, h.message()));
            return;
        }
        errors.add(new Diagnostic(file, found.line, found.column, found.length, Diagnostic.Severity.ERROR,
                "unexpected " + found.description + ": " + expected));
    }

    private static final java.util.Set<Integer> PARAMETER_START = java.util.Set.of(SmLexer.LOWER, SmLexer.UPPER,
            SmLexer.QUALIFIED_UPPER, SmLexer.LPAREN, SmLexer.INT, SmLexer.STRING, SmLexer.WILDCARD, SmLexer.MINUS);

    /** Whether the parse is inside a machine, upgrade or downgrade declaration. */
    private static boolean parserInMachine(SmParser parser) {
        for (org.antlr.v4.runtime.RuleContext c = parser.getContext(); c != null; c = c.parent) {
            if (c instanceof SmParser.MachineDeclContext || c instanceof SmParser.UpgradeDeclContext
                    || c instanceof SmParser.DowngradeDeclContext) {
                return true;
            }
        }
        return false;
    }

    private record Found(String description, int line, int column, int length) {}

    /** What the parser met, in words, and where to point. */
    private Found found(Token t) {
        if (t.getType() == Token.EOF) {
            String what = endIsEndOfFile ? "end of file" : "end of the line";
            Token before = realNeighbour(t.getTokenIndex(), -1);
            if (before == null) return new Found(what, t.getLine(), t.getCharPositionInLine() + 1, 1);
            return new Found(what, before.getLine(), before.getCharPositionInLine() + 1 + textLength(before), 1);
        }
        if (!(t instanceof VirtualToken)) {
            return new Found(ExpectedTokens.quote(t), t.getLine(), t.getCharPositionInLine() + 1, Math.max(1, textLength(t)));
        }
        Token before = realNeighbour(t.getTokenIndex(), -1);
        Token after = realNeighbour(t.getTokenIndex(), +1);
        if (after != null && (before == null || after.getLine() == before.getLine()) && after.getType() != Token.EOF) {
            return new Found(ExpectedTokens.quote(after), after.getLine(), after.getCharPositionInLine() + 1,
                    Math.max(1, textLength(after)));
        }
        String what = (after == null || after.getType() == Token.EOF) && endIsEndOfFile ? "end of file" : "end of the line";
        if (before == null) return new Found(what, t.getLine(), t.getCharPositionInLine() + 1, 1);
        return new Found(what, before.getLine(), before.getCharPositionInLine() + 1 + textLength(before), 1);
    }

    private Token realNeighbour(int index, int direction) {
        if (index < 0) return null;
        for (int i = index + direction; i >= 0 && i < tokens.size(); i += direction) {
            Token t = tokens.get(i);
            if (!(t instanceof VirtualToken)) return t;
            if (t.getType() == Token.EOF) return t;
        }
        return null;
    }

    private static int textLength(Token t) {
        String text = t.getText();
        return text == null ? 1 : text.length();
    }

    boolean none() { return errors.isEmpty(); }

    /**
     * The first syntax error, unless it is on a line that already has a
     * lexical error (then it is most likely an echo of that one). Later errors
     * of the same input are mostly echoes of the first.
     */
    List<Diagnostic> firstNotOn(List<Diagnostic> lexical) {
        if (errors.isEmpty()) return List.of();
        Diagnostic first = errors.get(0);
        for (Diagnostic d : lexical) {
            if (d.line() == first.line()) return List.of();
        }
        return List.of(first);
    }
}
