package hotsm.compiler.syntax;

import hotsm.compiler.diag.Diagnostic;
import hotsm.grammar.LayoutTokenSource;
import hotsm.grammar.LexicalError;
import hotsm.grammar.SmLexer;
import hotsm.grammar.SmParser;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.CommonTokenFactory;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ListTokenSource;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;
import org.antlr.v4.runtime.misc.Pair;

/**
 * The front door of the syntax phase: source text to {@link Module} (or
 * {@link Expr} for the REPL) plus diagnostics. Never throws, whatever the
 * input.
 *
 * <p>The layout pass runs over the whole file; then each top-level item
 * (between two module-level separators) is parsed on its own with the
 * {@code singleModuleItem} rule, so that every declaration reports its own
 * first syntax error and no error spills into the next declaration.
 */
public final class Parser {
    private Parser() {}

    /** Parses a whole {@code .sm} file; the module is null if there is any error. */
    public static ParseResult parseModule(String file, String source) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        Module module = null;
        try {
            LayoutTokenSource layout = layout(file, source, LayoutTokenSource.Mode.MODULE);
            CommonTokenStream all = new CommonTokenStream(layout);
            all.fill();
            List<Diagnostic> lexical = lexicalErrors(file, layout);
            List<List<Token>> items = splitItems(all.getTokens(), layout);
            List<SmParser.ModuleItemContext> trees = new ArrayList<>();
            List<Diagnostic> syntax = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                var tooDeep = NestingLimit.check(file, items.get(i));
                if (tooDeep.isPresent()) {
                    syntax.add(tooDeep.get());
                    continue;
                }
                CommonTokenStream tokens = new CommonTokenStream(new ListTokenSource(items.get(i), file));
                SmParser.SingleModuleItemContext fast = parseSll(tokens);
                if (fast != null) {
                    trees.add(fast.moduleItem());
                    continue;
                }
                tokens.seek(0);
                SmParser parser = parser(tokens);
                SyntaxErrors errors = new SyntaxErrors(file, tokens, i == items.size() - 1);
                parser.addErrorListener(errors);
                SmParser.SingleModuleItemContext tree = parser.singleModuleItem();
                List<Diagnostic> found = errors.firstNotOn(lexical);
                syntax.addAll(found);
                if (errors.none()) trees.add(tree.moduleItem());
            }
            diagnostics.addAll(lexical);
            diagnostics.addAll(syntax);
            module = new AstBuilder(file, diagnostics).module(trees);
        } catch (StackOverflowError e) {
            diagnostics.add(failure(file, "the program is nested too deeply to parse"));
        } catch (RuntimeException e) {
            diagnostics.add(failure(file, "internal parser failure: " + e));
        }
        return new ParseResult(diagnostics.isEmpty() ? module : null, inOrder(diagnostics));
    }

    /** Parses one expression (it may span lines); the expression is null if there is any error. */
    public static ExprParseResult parseExpression(String file, String source) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        Expr expr = null;
        try {
            LayoutTokenSource layout = layout(file, source, LayoutTokenSource.Mode.EXPRESSION);
            CommonTokenStream tokens = new CommonTokenStream(layout);
            tokens.fill();
            var tooDeep = NestingLimit.check(file, tokens.getTokens());
            if (tooDeep.isPresent()) return new ExprParseResult(null, List.of(tooDeep.get()));
            SmParser parser = parser(tokens);
            SyntaxErrors errors = new SyntaxErrors(file, tokens, true);
            parser.addErrorListener(errors);
            SmParser.ReplExpressionContext tree = parser.replExpression();
            List<Diagnostic> lexical = lexicalErrors(file, layout);
            diagnostics.addAll(lexical);
            diagnostics.addAll(errors.firstNotOn(lexical));
            if (diagnostics.isEmpty()) expr = new AstBuilder(file, diagnostics).expression(tree);
        } catch (StackOverflowError e) {
            diagnostics.add(failure(file, "the expression is nested too deeply to parse"));
        } catch (RuntimeException e) {
            diagnostics.add(failure(file, "internal parser failure: " + e));
        }
        return new ExprParseResult(diagnostics.isEmpty() ? expr : null, inOrder(diagnostics));
    }

    private static LayoutTokenSource layout(String file, String source, LayoutTokenSource.Mode mode) {
        SmLexer lexer = new SmLexer(CharStreams.fromString(source, file));
        lexer.removeErrorListeners();
        // Each token's text is made once, when it is lexed: the layout pass, the nesting limit, the parser and
        // the AST builder all read it, and a token without its own text cuts a new String out of the input
        // at every read.
        lexer.setTokenFactory(new CommonTokenFactory(true));
        return new LayoutTokenSource(lexer, mode);
    }

    /**
     * The first of ANTLR's two stages: the item parsed in SLL prediction mode,
     * which needs no full-context look-ahead and is much faster, bailing out at
     * the first syntax error. {@code null} if it bailed: the caller parses
     * again in full LL mode with error reporting, which gives the same tree
     * for any input SLL accepts and the exact diagnostics for the rest.
     */
    private static SmParser.SingleModuleItemContext parseSll(CommonTokenStream tokens) {
        SmParser parser = parser(tokens);
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        parser.setErrorHandler(new BailErrorStrategy());
        try {
            return parser.singleModuleItem();
        } catch (ParseCancellationException e) {
            return null;
        }
    }

    private static SmParser parser(CommonTokenStream tokens) {
        SmParser parser = new SmParser(tokens);
        parser.removeErrorListeners();
        return parser;
    }

    private static List<Diagnostic> lexicalErrors(String file, LayoutTokenSource layout) {
        List<Diagnostic> out = new ArrayList<>();
        for (LexicalError e : layout.lexicalErrors()) {
            out.add(new Diagnostic(file, e.line(), e.column(), e.length(), Diagnostic.Severity.ERROR, e.message()));
        }
        return out;
    }

    /** The tokens of each top-level item, each list ending in an EOF at the item's end. */
    private static List<List<Token>> splitItems(List<Token> tokens, LayoutTokenSource layout) {
        List<List<Token>> items = new ArrayList<>();
        List<Token> current = new ArrayList<>();
        for (Token t : tokens) {
            boolean end = t.getType() == Token.EOF || layout.separatesDeclarations(t);
            if (!end) {
                current.add(t);
                continue;
            }
            if (!current.isEmpty()) {
                CommonToken eof = new CommonToken(new Pair<>(t.getTokenSource(), t.getInputStream()), Token.EOF,
                        Token.DEFAULT_CHANNEL, t.getStartIndex(), t.getStartIndex() - 1);
                eof.setText("<EOF>");
                eof.setLine(t.getLine());
                eof.setCharPositionInLine(t.getCharPositionInLine());
                eof.setStartIndex(t.getStartIndex());
                eof.setStopIndex(t.getStartIndex() - 1);
                current.add(eof);
                items.add(current);
            }
            current = new ArrayList<>();
            if (t.getType() == Token.EOF) break;
        }
        return items;
    }

    /** By position; of two diagnostics at one position (layout and AST builder), the first. */
    private static List<Diagnostic> inOrder(List<Diagnostic> diagnostics) {
        // None is the common case: then no comparator is made (Comparator.comparingInt's is a serializable
        // lambda, which class-data sharing does not archive, so its first use spins a class: ms of a start).
        if (diagnostics.isEmpty()) return new ArrayList<>();
        List<Diagnostic> sorted = new ArrayList<>(diagnostics);
        sorted.sort(Comparator.comparingInt(Diagnostic::line).thenComparingInt(Diagnostic::column));
        List<Diagnostic> out = new ArrayList<>();
        for (Diagnostic d : sorted) {
            Diagnostic last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last == null || last.line() != d.line() || last.column() != d.column()) out.add(d);
        }
        return out;
    }

    private static Diagnostic failure(String file, String message) {
        return new Diagnostic(file, 1, 1, 1, Diagnostic.Severity.ERROR, message);
    }
}
