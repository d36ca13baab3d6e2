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
        Module result = null;
        try {
            LayoutTokenSource layout = layout(file, source, LayoutTokenSource.Mode.MODULE);
            List<List<Token>> items = splitItems(layout);
            List<Diagnostic> lexical = lexicalErrors(file, layout);
            // Each item's AST is built as soon as it parses, so its parse tree and tokens are garbage at once
            // rather than all kept until the end; the builder's diagnostics still come after the syntax errors,
            // and a builder that fails stops building (later items are still parsed for their syntax errors).
            List<Diagnostic> built = new ArrayList<>();
            AstBuilder.Items module = new AstBuilder(file, built).items();
            Throwable buildFailed = null;
            List<Diagnostic> syntax = new ArrayList<>();
            SmParser sll = sllParser();
            for (int i = 0; i < items.size(); i++) {
                List<Token> item = items.set(i, null);
                var tooDeep = NestingLimit.check(file, item);
                if (tooDeep.isPresent()) {
                    syntax.add(tooDeep.get());
                    continue;
                }
                SmParser.SingleModuleItemContext tree = parseSll(sll, new ItemTokens(item, file));
                if (tree == null) {
                    CommonTokenStream tokens = new CommonTokenStream(new ListTokenSource(item, file));
                    SmParser parser = parser(tokens);
                    SyntaxErrors errors = new SyntaxErrors(file, tokens, i == items.size() - 1);
                    parser.addErrorListener(errors);
                    tree = parser.singleModuleItem();
                    syntax.addAll(errors.firstNotOn(lexical));
                    if (!errors.none()) continue;
                }
                if (buildFailed != null) continue;
                try {
                    module.add(tree.moduleItem());
                } catch (StackOverflowError | RuntimeException e) {
                    buildFailed = e;
                }
            }
            diagnostics.addAll(lexical);
            diagnostics.addAll(syntax);
            diagnostics.addAll(built);
            if (buildFailed instanceof StackOverflowError e) throw e;
            if (buildFailed instanceof RuntimeException e) throw e;
            result = module.module();
        } catch (StackOverflowError e) {
            diagnostics.add(failure(file, "the program is nested too deeply to parse"));
        } catch (RuntimeException e) {
            diagnostics.add(failure(file, "internal parser failure: " + e));
        }
        return new ParseResult(diagnostics.isEmpty() ? result : null, inOrder(diagnostics));
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
        SmLexer lexer = new HandLexer(source, CharStreams.fromString(source, file));
        lexer.removeErrorListeners();
        lexer.setTokenFactory(new TokenTexts());
        return new LayoutTokenSource(lexer, mode);
    }

    /**
     * The first of ANTLR's two stages: the item parsed in SLL prediction mode,
     * which needs no full-context look-ahead and is much faster, bailing out at
     * the first syntax error. {@code null} if it bailed: the caller parses
     * again in full LL mode with error reporting, which gives the same tree
     * for any input SLL accepts and the exact diagnostics for the rest.
     */
    private static SmParser.SingleModuleItemContext parseSll(SmParser parser, ItemTokens tokens) {
        parser.setInputStream(tokens);   // resets the parser, also after a bail-out
        try {
            return parser.singleModuleItem();
        } catch (ParseCancellationException e) {
            return null;
        }
    }

    /** The parser of {@link #parseSll}, one for all the items of a file (a new one per item was 1 % of a parse). */
    private static SmParser sllParser() {
        SmParser parser = new SmParser(null);
        parser.removeErrorListeners();
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        parser.setErrorHandler(new BailErrorStrategy());
        return parser;
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

    /**
     * The tokens of each top-level item, each list ending in an EOF at the
     * item's end, read from {@code layout} to the end of the file.
     */
    private static List<List<Token>> splitItems(LayoutTokenSource layout) {
        List<List<Token>> items = new ArrayList<>();
        List<Token> current = new ArrayList<>(256);   // reused; each item gets a copy of its exact size
        while (true) {
            Token t = layout.nextToken();
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
                items.add(new ArrayList<>(current));
            }
            if (t.getType() == Token.EOF) break;
            current.clear();
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
