package hotsm.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code smc check A.sm B.sm} reports every independent error of every file (issue 2): a syntax
 * error in one file does not hide the type errors of another that does not import it.
 */
class CheckEveryFileTest {

    private static List<String> checked(Path... files) {
        return new Compiler(List.of()).check(List.of(files)).diagnostics().stream()
                .map(d -> Path.of(d.file()).getFileName() + ":" + d.line() + ":" + d.column()).toList();
    }

    @Test void aSyntaxErrorInOneFileHidesNoErrorOfAnother(@TempDir Path dir) throws Exception {
        Path broken = Files.writeString(dir.resolve("Broken.sm"), "z = (\n");
        Path typed = Files.writeString(dir.resolve("Typed.sm"), "x : Int\nx = \"a\"\n");
        Path other = Files.writeString(dir.resolve("Other.sm"), "y : Int\ny = True\n");
        assertEquals(List.of("Broken.sm:1:6", "Typed.sm:2:5", "Other.sm:2:5"), checked(broken, typed, other));
        assertEquals(List.of("Typed.sm:2:5", "Broken.sm:1:6"), checked(typed, broken));
    }

    @Test void anErrorInAModuleTwoFilesImportIsReportedOnce(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("Shared.sm"), "s = (\n");
        Path a = Files.writeString(dir.resolve("A.sm"), "import Shared\na = 1\n");
        Path b = Files.writeString(dir.resolve("B.sm"), "import Shared\nb : Int\nb = True\n");
        List<String> found = checked(a, b);
        assertEquals(1, found.stream().filter(s -> s.startsWith("Shared.sm")).count(), found::toString);
    }
}
