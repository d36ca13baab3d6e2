package hotsm.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How an error reaches the screen: one or two lines, the caret under the column it names. */
class ReplErrorTest {

    @Test void underAVisibleLineOnlyTheCaretAndTheMessage() {
        assertEquals(List.of("       ^", "error: expected Int"),
                ReplError.at("Total x", 6, "expected Int").render(1));
    }

    @Test void withoutAPromptTheTextIsShownAboveTheCaret() {
        assertEquals(List.of("  Total x", "        ^", "error: expected Int"),
                ReplError.at("Total x", 6, "expected Int").render(-1));
    }

    @Test void aPlainErrorIsOneLine() {
        assertEquals(List.of("error: not connected"), ReplError.of("not connected").render(4));
    }

    @Test void theCaretStaysWithinTheText() {
        assertEquals(List.of("   ^", "error: m"), ReplError.at("ab", 99, "m").render(1));
    }

    @Test void compilerDiagnosticsKeepTheirOwnLayout() {
        String diagnostics = "A.sm:1:1: error: x\nline\n^";
        assertEquals(List.of(diagnostics), ReplError.of(diagnostics).render(0));
    }
}
