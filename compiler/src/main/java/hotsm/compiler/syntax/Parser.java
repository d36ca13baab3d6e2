package hotsm.compiler.syntax;

import hotsm.compiler.diag.Diagnostic;
import hotsm.grammar.LayoutTokenSource;
import hotsm.grammar.LexicalError;
import hotsm.grammar.SmLexer;
import hotsm.grammar.SmParser;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ParserRuleContext;

/**
 * The front door of the syntax phase: source text to {@link Module} (or
 * {@link Expr} for the REPL) plus diagnostics. Lexing, layout, parsing and
 * AST building; never throws, whatever the input.
 */
public final class Parser {
    private Parser() {}

    /** Parses a whole {@code .sm} file; the module is null if there is any error. */
    public static ParseResult parseModule(String file, String source) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        Module module = run(file, source, LayoutTokenSource.Mode.MODULE, SmParser::module, diagnostics,
                (builder, tree) -> builder.module((SmParser.ModuleContext) tree));
        return new ParseResult(diagnostics.isEmpty() ? module : null, diagnostics);
    }

    /** Parses one expression (it may span lines); the expression is null if there is any error. */
    public static ExprParseResult parseExpression(String file, String source) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        Expr expr = run(file, source, LayoutTokenSource.Mode.EXPRESSION, SmParser::replExpression, diagnostics,
                (builder, tree) -> builder.expression((SmParser.ReplExpressionContext) tree));
        return new ExprParseResult(diagnostics.isEmpty() ? expr : null, diagnostics);
    }

    private interface Build<T> {
        T apply(AstBuilder builder, ParserRuleContext tree);
    }

    private static <T> T run(String file, String source, LayoutTokenSource.Mode mode,
                             Function<SmParser, ParserRuleContext> startRule, List<Diagnostic> diagnostics,
                             Build<T> build) {
        try {
            SmLexer lexer = new SmLexer(CharStreams.fromString(source, file));
            lexer.removeErrorListeners();
            LayoutTokenSource layout = new LayoutTokenSource(lexer, mode);
            CommonTokenStream tokens = new CommonTokenStream(layout);
            SmParser parser = new SmParser(tokens);
            parser.removeErrorListeners();
            SyntaxErrors syntaxErrors = new SyntaxErrors(file, tokens);
            parser.addErrorListener(syntaxErrors);
            ParserRuleContext tree = startRule.apply(parser);
            List<Diagnostic> lexical = new ArrayList<>();
            for (LexicalError e : layout.lexicalErrors()) {
                lexical.add(new Diagnostic(file, e.line(), e.column(), e.length(), Diagnostic.Severity.ERROR, e.message()));
            }
            diagnostics.addAll(lexical);
            diagnostics.addAll(syntaxErrors.independentOf(lexical));
            diagnostics.sort(Comparator.comparingInt(Diagnostic::line).thenComparingInt(Diagnostic::column));
            if (!diagnostics.isEmpty()) return null;
            return build.apply(new AstBuilder(file, diagnostics), tree);
        } catch (StackOverflowError e) {
            diagnostics.add(new Diagnostic(file, 1, 1, 1, Diagnostic.Severity.ERROR,
                    "the program is nested too deeply to parse"));
            return null;
        } catch (RuntimeException e) {
            diagnostics.add(new Diagnostic(file, 1, 1, 1, Diagnostic.Severity.ERROR,
                    "internal parser failure: " + e));
            return null;
        }
    }
}
