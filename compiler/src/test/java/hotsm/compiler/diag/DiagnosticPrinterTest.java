package hotsm.compiler.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DiagnosticPrinterTest {
    private static Diagnostic error(int line, int column, int length, String message) {
        return new Diagnostic("dir/F.sm", line, column, length, Diagnostic.Severity.ERROR, message);
    }

    @Test
    void headerSourceLineAndCaretsUnderTheColumn() {
        String source = "x = 1\nfoo n = bar + 1\ny = 2\n";
        assertEquals("dir/F.sm:2:9: error: unbound variable 'bar'\nfoo n = bar + 1\n        ^^^",
                DiagnosticPrinter.render(error(2, 9, 3, "unbound variable 'bar'"), source));
    }

    @Test
    void firstAndLastLinesWithAndWithoutATrailingNewline() {
        assertEquals("dir/F.sm:1:1: error: m\nab\n^", DiagnosticPrinter.render(error(1, 1, 1, "m"), "ab\ncd"));
        assertEquals("dir/F.sm:2:2: error: m\ncd\n ^", DiagnosticPrinter.render(error(2, 2, 1, "m"), "ab\ncd"));
        assertEquals("dir/F.sm:2:2: error: m\ncd\n ^", DiagnosticPrinter.render(error(2, 2, 1, "m"), "ab\r\ncd\r\n"));
    }

    @Test
    void caretsStopAtTheEndOfTheLineButAtLeastOneIsShown() {
        assertEquals("dir/F.sm:1:3: error: m\nabc\n  ^", DiagnosticPrinter.render(error(1, 3, 10, "m"), "abc"));
        assertEquals("dir/F.sm:1:4: error: m\nabc\n   ^", DiagnosticPrinter.render(error(1, 4, 0, "m"), "abc"));
    }

    @Test
    void tabsInTheSourceLineAreKeptInTheCaretLine() {
        assertEquals("dir/F.sm:1:2: error: tab\n\tx\n\t^", DiagnosticPrinter.render(error(1, 2, 1, "tab"), "\tx"));
    }

    @Test
    void aLineOutsideTheSourceGivesOnlyTheHeader() {
        assertEquals("dir/F.sm:9:1: error: m", DiagnosticPrinter.render(error(9, 1, 1, "m"), "x = 1\n"));
        assertEquals("dir/F.sm:1:1: error: m", DiagnosticPrinter.render(error(1, 1, 1, "m"), null));
    }
}
