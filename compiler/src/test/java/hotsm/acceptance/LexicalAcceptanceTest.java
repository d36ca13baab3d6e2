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
 * comments nest, so a comment is closed only when every '{-' in it is. The
 * errors a user meets (an unclosed nested comment, positions after one,
 * Haskell habits) are programs of the error corpus: lexical_*.sm and
 * syntax_*.sm in compiler/src/test/resources/errors.
 */
class LexicalAcceptanceTest {
    private static String errors(String source) {
        ParseResult result = Parser.parseModule("E.sm", source);
        return result.diagnostics().stream().map(d -> d.line() + ":" + d.column() + " " + d.message())
                .collect(Collectors.joining("\n"));
    }

    @Test
    void nestedCommentsCloseAtTheirOwnDepth() {
        ParseResult result = Parser.parseModule("E.sm", "x = 1 {- a {- b -} c {-{- d -}-} e -} + 2\n{-{--}-}\ny = {-}-} 3\n");
        assertNotNull(result.module(), () -> errors("x"));
        assertTrue(result.diagnostics().isEmpty(), result.diagnostics()::toString);
        assertEquals(2, result.module().decls().size());
    }
}
