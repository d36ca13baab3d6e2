package hotsm.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hotsm.compiler.diag.Diagnostic;
import hotsm.compiler.resolve.ModuleLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files that are not .sm text get an error a person can act on. */
class SourceFilesAcceptanceTest {
    @TempDir
    Path dir;

    @Test
    void aFileThatIsNotUtf8SaysSo() throws Exception {
        Path f = dir.resolve("Garbage.sm");
        Files.write(f, new byte[] {'x', ' ', '=', ' ', (byte) 0xff, (byte) 0xfe, 0, 1});
        List<Diagnostic> ds = new ModuleLoader(List.of()).load(List.of(f)).diagnostics();
        assertEquals(1, ds.size(), ds::toString);
        assertTrue(ds.get(0).message().contains("not UTF-8 text"), ds.get(0)::message);
    }

    @Test
    void anImportThatIsNotUtf8SaysSo() throws Exception {
        Files.write(dir.resolve("Bad.sm"), new byte[] {(byte) 0xc3, (byte) 0x28});
        Path f = dir.resolve("Main.sm");
        Files.writeString(f, "import Bad\nx = 1\n");
        List<Diagnostic> ds = new ModuleLoader(List.of()).load(List.of(f)).diagnostics();
        assertEquals(1, ds.size(), ds::toString);
        assertTrue(ds.get(0).message().contains("not UTF-8 text"), ds.get(0)::message);
    }

    @Test
    void aBinaryFileThatHappensToBeUtf8IsOneErrorNotOnePerByte() throws Exception {
        Path f = dir.resolve("Binary.sm");
        Files.write(f, new byte[] {'H', 'S', 'M', 'C', 0, 1, 0, 0, 0, 16, 'C', 'o', 'u', 'n', 't', 5, 6, 7, 0, 0, '&'});
        List<Diagnostic> ds = new ModuleLoader(List.of()).load(List.of(f)).diagnostics();
        assertEquals(1, ds.size(), ds::toString);
        assertEquals("cannot read " + f + ": a binary file, not .sm text", ds.get(0).message());
    }
}
