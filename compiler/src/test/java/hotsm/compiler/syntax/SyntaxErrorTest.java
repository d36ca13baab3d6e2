package hotsm.compiler.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hotsm.compiler.diag.Diagnostic;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Syntax errors: where they are reported and what they say. */
class SyntaxErrorTest {
    /** {@code line:col message} of every diagnostic, one per line. */
    private static String errors(String source) {
        ParseResult result = Parser.parseModule("E.sm", source);
        assertNull(result.module());
        return result.diagnostics().stream().map(d -> d.line() + ":" + d.column() + " " + d.message())
                .collect(Collectors.joining("\n"));
    }

    private static void assertError(String source, String position, String fragment) {
        String all = errors(source);
        assertTrue(all.startsWith(position + " ") && all.contains(fragment), () -> "got: " + all);
    }

    @Test
    void languageV2SyntaxErrors() {
        assertError("f l = l .qty", "1:9", "no space before the '.' of a field access: write 'l.qty'");
        assertError("f x = let in x", "1:7", "a 'let' needs at least one binding");
        assertError("data A = A { f : Int, f : Int }", "1:23", "the field 'f' is declared twice in 'A'");
    }

    @Test
    void unexpectedTokenSaysWhatWasFoundAndWhatWasExpected() {
        assertEquals("1:14 unexpected 'else': expected an operator, an argument or 'then'", errors("f x = if x 1 else 2"));
        assertEquals("1:5 unexpected 'then': expected an expression or 'proc'", errors("x = then"));
        assertEquals("1:6 unexpected '=': expected a type name (capitalised)", errors("data = 3"));
        assertEquals("1:8 unexpected '3': expected a module name (capitalised)", errors("import 3"));
    }

    @Test
    void aMissingExpressionIsReportedAtTheEndOfItsLine() {
        assertEquals("1:6 unexpected end of the line: expected an expression or 'proc'", errors("f x =\ng y = 1"));
        assertEquals("1:10 unexpected end of file: expected an expression", errors("f x = x +\n"));
        assertEquals("1:12 unexpected end of file: expected ',' or ')'", errors("f x = (1, 2"));
    }

    @Test
    void everyDeclarationReportsItsOwnFirstError() {
        assertEquals("""
                1:6 unexpected end of the line: expected an expression or 'proc'
                3:5 unexpected ')': expected an expression or 'proc'""", errors("f x =\ng y = 1\nh = )\nk = 2"));
    }

    @Test
    void wrongMachineItem() {
        assertError("""
                machine m : A -> B
                  state Int = 0
                  proc i -> returnA -< i
                  input = 3
                """, "4:3", "unexpected 'input': expected 'state', 'proc' or 'where'");
        assertError("upgrade a -> b\n  state = 3\n", "2:11", "unexpected '3': expected 'proc'");
        assertError("machine m : A -> B\n  proc i -> returnA -< i\n", "1:9", "machine 'm' has no state");
        assertError("machine m : A -> B\n  state Int = 0\n", "1:9", "machine 'm' has no step");
        assertError("upgrade a -> b\n  state = proc s -> returnA -< s\n  state = proc s -> returnA -< s\n",
                "3:3", "a second 'state' clause");
    }

    @Test
    void aLineIndentedBetweenTwoBlocksSaysToCheckTheIndentation() {
        assertEquals("5:4 unexpected 'put': this line continues the line before it, which is complete; check its indentation",
                errors("""
                        machine m : A -> B
                          state Int = 0
                          proc i -> do
                            x <- get -< ()
                           put -< x
                            returnA -< x
                        """));
    }

    @Test
    void aStatementWithoutFeedSaysWhatAStatementIs() {
        assertError("a = proc x -> do\n  n <- get -< ()\n  returnA n\n", "3:11",
                "unexpected 'n': a 'do' statement is 'pattern <- command', 'arrow -< expression' or 'let pattern = expression'");
        assertError("a = proc i -> case i of\n  A -> returnA -< 1\n  B -> 3\n", "3:8", "unexpected '3': expected a command");
        assertError("f x = case x of\n  A = 1", "2:5", "unexpected '=': expected '->'");
    }

    @Test
    void aBlockWithNothingIndentedUnderItsOpenerSaysHowFarToIndent() {
        String all = errors("""
                machine m : A -> B
                  state Int = 0
                  proc i -> do
                  returnA -< 1
                """);
        assertTrue(all.startsWith("3:13 empty 'do' block: its statements must be indented more than column 3"), all);
        assertEquals("1:15 empty 'do' block: the file ends after 'do'", errors("f = proc x -> do"));
        assertTrue(errors("f x = case x of\nA -> 1").startsWith(
                "1:14 empty 'case ... of': its alternatives must be indented more than column 1"));
    }

    @Test
    void doBlocksEndWithACommand() {
        assertError("a = proc x -> do\n  n <- get -< ()\n", "2:3", "the last statement of a 'do' block must be a command");
        assertError("a = proc x -> do\n  let y = 1\n", "2:3", "the last statement of a 'do' block must be a command");
        assertError("a = proc x -> do\n  n <- get ()\n  returnA -< n", "2:12", "unexpected '(': expected '-<'");
    }

    @Test
    void comparisonsDoNotChain() {
        assertEquals("1:12 comparisons do not chain: '==' and '==' need parentheses, e.g. (a < b) && (b < c)",
                errors("f = 1 == 2 == 3"));
        assertEquals("1:12 comparisons do not chain: '<=' and '<' need parentheses, e.g. (a < b) && (b < c)",
                errors("f = a <= b < c"));
    }

    @Test
    void integerLiteralsMustFitIn64Bits() {
        assertError("x = 9223372036854775808", "1:5", "does not fit in 64 bits");
        assertError("x = -9223372036854775809", "1:6", "does not fit in 64 bits");
        assertError("f 99999999999999999999 = 1", "1:3", "does not fit in 64 bits");
        assertEquals(Long.MAX_VALUE, ((Expr.IntLit) Parser.parseExpression("r", "9223372036854775807").expr()).value());
    }

    @Test
    void lexicalErrors() {
        assertEquals("1:8 unknown escape '\\q' in a string: use \\\" \\\\ \\n or \\t", errors("x = \"ab\\qc\""));
        assertEquals("1:5 unterminated string literal: add a closing '\"' on the same line", errors("x = \"abc\ny = 2"));
        assertEquals("1:7 unterminated block comment: '{-' has no matching '-}'", errors("x = 1 {- unterminated\n y"));
        assertEquals("1:7 unexpected character '@'", errors("x = 1 @ 2"));
        assertEquals("1:5 unexpected character ''' (strings use double quotes: \"...\")", errors("x = 'a'"));
        assertEquals("1:5 unexpected character '\u00e9' (U+00E9)", errors("x = \u00e9"));
        assertEquals("1:6 unexpected character U+0001", errors("x = 1\u0001"));
    }

    @Test
    void tabsAreAnErrorThatSaysSo() {
        assertEquals("2:1 tab character: indent with spaces", errors("f = proc x -> do\n\treturnA -< x\n"));
        assertEquals("1:1 tab character: indent with spaces\n2:1 tab character: indent with spaces", errors("\tx = 1\n\ty = 2"));
    }

    @Test
    void moduleLineMustComeFirst() {
        assertError("x = 1\nmodule M\n", "2:1", "the 'module' line must be the first line");
    }

    @Test
    void arrowsTakeNoParameter() {
        assertError("a x = proc y -> returnA -< y", "1:3", "an arrow takes its input through 'proc'");
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
