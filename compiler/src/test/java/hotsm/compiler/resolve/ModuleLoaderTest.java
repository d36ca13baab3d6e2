package hotsm.compiler.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hotsm.compiler.diag.Diagnostic;
import hotsm.compiler.syntax.Module;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModuleLoaderTest {
    @TempDir Path dir;

    private Path write(String relative, String text) throws IOException {
        Path p = dir.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    private static List<String> names(LoadResult r) { return r.modules().stream().map(Module::name).toList(); }

    @Test
    void modulesComeInDependencyOrderWithThePreludeFirst() {
        Path root = Path.of(System.getProperty("hotsm.root", "../"));
        LoadResult r = new ModuleLoader(List.of()).load(List.of(root.resolve("samples/counter/Counter3.sm")));
        assertEquals(List.of(), r.diagnostics());
        assertEquals(List.of("Prelude", "List", "Map", "String", "Counter1", "Counter2", "Counter3"), names(r));
        assertEquals(7, r.sourcesByFile().size());
    }

    @Test
    void importsAreSearchedBesideTheFileThenInIncludePaths() throws IOException {
        write("lib/Helper.sm", "helper x = x\n");
        Path main = write("app/Main.sm", "import Helper\nmain = helper 1\n");
        LoadResult missing = new ModuleLoader(List.of()).load(List.of(main));
        assertEquals(1, missing.diagnostics().size());
        Diagnostic d = missing.diagnostics().get(0);
        assertEquals(1, d.line());
        assertTrue(d.message().startsWith("module 'Helper' not found: looked for Helper.sm in "), d.message());
        assertTrue(d.message().contains("app") && d.message().contains("the standard library"), d.message());
        LoadResult found = new ModuleLoader(List.of(dir.resolve("lib"))).load(List.of(main));
        assertEquals(List.of(), found.diagnostics());
        assertEquals(List.of("Prelude", "List", "Map", "String", "Helper", "Main"), names(found));
    }

    @Test
    void aFileThatDoesNotParseIsReportedOnce() throws IOException {
        Path broken = write("Broken.sm", "x = = 1\n");
        Path user = write("User.sm", "import Broken\ny = 2\n");
        LoadResult r = new ModuleLoader(List.of()).load(List.of(broken, user, broken));
        assertTrue(r.diagnostics().size() >= 1);
        assertTrue(r.diagnostics().stream().allMatch(d -> d.file().endsWith("Broken.sm")), r.diagnostics().toString());
        long distinct = r.diagnostics().stream().distinct().count();
        assertEquals(distinct, r.diagnostics().size());
    }

    @Test
    void aMissingFileIsAnErrorNotAnException() {
        LoadResult r = new ModuleLoader(List.of()).load(List.of(dir.resolve("Nope.sm")));
        assertEquals(1, r.diagnostics().size());
        assertTrue(r.diagnostics().get(0).message().contains("no such file"));
    }
}
