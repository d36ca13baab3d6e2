package hotsm.compiler.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hotsm.compiler.diag.Diagnostic;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Syntax errors that a source file cannot carry well (a control character,
 * deep nesting, the REPL's expressions). The others are programs of the error
 * corpus, compiler/src/test/resources/errors/syntax_*.sm, each with its
 * position, message and golden diagnostics.
 */
class SyntaxErrorTest {
    /** {@code line:col message} of every diagnostic, one per line. */
    private static String errors(String source) {
        ParseResult result = Parser.parseModule("E.sm", source);
        assertNull(result.module());
        return result.diagnostics().stream().map(d -> d.line() + ":" + d.column() + " " + d.message())
                .collect(Collectors.joining("\n"));
    }

    @Test
    void theLargestIntegerLiteralFits() {
        assertEquals(Long.MAX_VALUE, ((Expr.IntLit) Parser.parseExpression("r", "9223372036854775807").expr()).value());
    }

    @Test
    void aControlCharacterIsNamedByItsCodePoint() {
        assertEquals("1:6 unexpected character U+0001", errors("x = 1\u0001"));
    }

    @Test
    void replExpressionErrors() {
        ExprParseResult result = Parser.parseExpression("<repl>", "1 +");
        assertNull(result.expr());
        Diagnostic d = result.diagnostics().get(0);
        assertEquals(List.of(1, 4, "unexpected end of file: expected an expression"), List.of(d.line(), d.column(), d.message()));
        assertEquals("unexpected ')': expected the end of the line",
                Parser.parseExpression("<repl>", "f x)").diagnostics().get(0).message().replace("an operator, an argument or ", ""));
    }

    @Test
    void deepNestingIsAnErrorNotACrash() {
        String deep = "x = " + "(".repeat(100_000) + "1" + ")".repeat(100_000);
        ParseResult result = Parser.parseModule("Deep.sm", deep);
        assertNull(result.module());
        assertTrue(result.diagnostics().get(0).message().contains("nested too deeply"), result.diagnostics().toString());
        assertEquals("1", AstPrinter.print(Parser.parseExpression("r", "(".repeat(200) + "1" + ")".repeat(200)).expr()));
    }
}
