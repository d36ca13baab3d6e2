package hotsm.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hotsm.cli.Sm;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sm} as the issues describe it, run in-process. */
class SmAcceptanceTest {
    @TempDir
    Path dir;

    private record Run(int status, String out, String err) {}

    private static Run sm(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Sm.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(status, out.toString(), err.toString());
    }

    @Test
    void aSourceFileThatCannotBeReadIsOneErrorLineWithoutAnEmptySourceLineAndCaret() throws Exception {
        Path garbage = Files.write(dir.resolve("Garbage.sm"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 7});
        Run r = sm("node", garbage.toString(), "--port", "0");
        assertEquals(1, r.status(), r::toString);
        assertTrue(r.err().startsWith(garbage + ":1:1: error: cannot read "), r::err);
        assertEquals(1, r.err().strip().lines().count(), r::err);
        assertFalse(r.out().contains("listening"), r::out);
    }
}
