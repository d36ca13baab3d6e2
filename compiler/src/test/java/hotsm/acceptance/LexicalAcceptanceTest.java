package hotsm.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hotsm.compiler.syntax.ParseResult;
import hotsm.compiler.syntax.Parser;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * LANGUAGE.md §2 lexical details as an outside user meets them: block
 * comments nest, so a comment is closed only when every '{-' in it is.
 */
class LexicalAcceptanceTest {
    private static String errors(String source) {
        ParseResult result = Parser.parseModule("E.sm", source);
        return result.diagnostics().stream().map(d -> d.line() + ":" + d.column() + " " + d.message())
                .collect(Collectors.joining("\n"));
    }

    @Test
    void aNestedCommentThatIsNotClosedIsUnterminated() {
        assertEquals("1:7 unterminated block comment: '{-' has no matching '-}'", errors("x = 1 {- {- -} y = 2\nz = 3\n"));
        assertEquals("2:1 unterminated block comment: '{-' has no matching '-}'", errors("x = 1\n{- a {- b -} c\n"));
    }

    @Test
    void nestedCommentsCloseAtTheirOwnDepth() {
        ParseResult result = Parser.parseModule("E.sm", "x = 1 {- a {- b -} c {-{- d -}-} e -} + 2\n{-{--}-}\ny = {-}-} 3\n");
        assertNotNull(result.module(), () -> errors("x"));
        assertTrue(result.diagnostics().isEmpty(), result.diagnostics()::toString);
        assertEquals(2, result.module().decls().size());
    }

    @Test
    void positionsAfterAMultiLineNestedCommentAreRight() {
        assertEquals("4:5 unexpected ')': expected an expression or 'proc'", errors("x = {- one\n {- two -}\n -} 1\ny = )\n"));
    }

    @Test
    void aConstructorFedLikeAnArrowSaysHowToWriteIt() {
        assertEquals("3:13 unexpected 'Just': expected a command (a constructor is not an arrow: write 'returnA -< Just ...')",
                errors("machine m : Int -> Maybe Int\n  state () = ()\n  proc x -> Just -< x\n"));
    }

    @Test
    void aHaskellStyleFunctionOfTwoParametersSaysToUseATuple() {
        assertEquals("1:5 unexpected 'y': expected '=' (a function has one parameter; several are a tuple: 'f (x, y) = ...')",
                errors("f x y = x + y\n"));
    }

    @Test
    void aWhereAfterAFunctionSaysToUseLet() {
        assertEquals("2:3 unexpected 'where': expected an operator or an argument"
                + " ('where' belongs to machines; in a function use 'let ... in ...')", errors("f x = y + 1\n  where y = x * 2\n"));
    }
}
