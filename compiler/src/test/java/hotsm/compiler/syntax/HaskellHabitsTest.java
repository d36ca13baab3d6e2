package hotsm.compiler.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The hints for Haskell habits are given only where the habit is what went
 * wrong (the corpus, compiler/src/test/resources/errors, shows each hint);
 * near misses keep the plain parse error.
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

    @Test void aForgottenFeedIsNotAnArrowAppliedToArguments() {
        assertEquals("2:12 unexpected '(': expected '-<'", errors("a = proc x -> do\n  n <- get ()\n  returnA -< n"));
    }

    @Test void aConstructorFedIsNamedWhereverItStands() {
        assertEquals("2:3 'Just' is a constructor, not an arrow: write 'returnA -< Just ...'",
                errors("a = proc x -> do\n  Just -< x\n  returnA -< x"));
    }
}
