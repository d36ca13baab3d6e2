package hotsm.compiler.syntax;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The hints for Haskell habits are given only where the habit is what went
 * wrong (the corpus, compiler/src/test/resources/errors, shows each hint);
 * near misses keep the plain parse error (the corpus's haskell_*.sm hold the
 * hints' exact wording).
 */
class HaskellHabitsTest {
    private static String errors(String source) {
        ParseResult result = Parser.parseModule("E.sm", source);
        assertNull(result.module());
        return result.diagnostics().stream().map(d -> d.line() + ":" + d.column() + " " + d.message())
                .collect(Collectors.joining("\n"));
    }

    @Test void aBarInADataDeclarationIsNotAGuard() {
        String e = errors("data T | A");
        assertFalse(e.contains("guards"), e);
    }

    @Test void aWrappedExpressionIsNotAnOverIndentedStatement() {
        String e = errors("a = proc x -> do\n  y <- returnA -< x +\n     1 2 )\n  returnA -< y");
        assertFalse(e.contains("indented more"), e);
    }
}
