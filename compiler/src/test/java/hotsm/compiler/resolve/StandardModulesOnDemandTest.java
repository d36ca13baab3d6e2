package hotsm.compiler.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hotsm.compiler.Compilation;
import hotsm.compiler.Compiler;
import hotsm.compiler.syntax.Module;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code smc check} parses and checks only the standard modules a program
 * names, and says exactly what a full compilation says.
 */
class StandardModulesOnDemandTest {
    @TempDir Path dir;

    private static final Path ROOT = Path.of(System.getProperty("hotsm.root", "../"));

    private static List<String> modules(Path file, boolean onDemand) {
        return new ModuleLoader(List.of(), onDemand).load(List.of(file)).modules().stream().map(Module::name).toList();
    }

    @Test
    void aModuleIsNamedByAQualifiedNameOnly() {
        assertTrue(ModuleLoader.names(List.of("f xs = List.map g xs"), "List"));
        assertTrue(ModuleLoader.names(List.of("List.length"), "List"));
        assertTrue(ModuleLoader.names(List.of("-- see (List.map)"), "List"));   // a comment too: parsed for nothing
        assertFalse(ModuleLoader.names(List.of("type T = List Int"), "List"));
        assertFalse(ModuleLoader.names(List.of("MyList.map", "my_List.x", "x'List.y"), "List"));
        assertFalse(ModuleLoader.names(List.of("s : String"), "String"));
    }

    @Test
    void onlyTheStandardModulesAProgramNamesAreLoaded() throws IOException {
        Path counter = ROOT.resolve("samples/counter/Counter1.sm");
        assertEquals(List.of("Prelude", "Counter1"), modules(counter, true));
        assertEquals(List.of("Prelude", "List", "Map", "String", "Counter1"), modules(counter, false));
        Path maps = Files.writeString(dir.resolve("Maps.sm"), "module Maps\n\nsize m = Map.size m\n");
        assertEquals(List.of("Prelude", "List", "Map", "Maps"), modules(maps, true));   // Map names List
        Path importing = Files.writeString(dir.resolve("Importing.sm"), "module Importing\nimport Maps\n\nx = 1\n");
        assertEquals(List.of("Prelude", "List", "Map", "String", "Maps", "Importing"), modules(importing, true));
    }

    @Test
    void checkSaysWhatCompileSays() throws IOException {
        Path typo = Files.writeString(dir.resolve("Typo.sm"), "module Typo\n\nf xs = Lisst.length xs\n");
        Path clean = Files.writeString(dir.resolve("Clean.sm"), "module Clean\n\nf s = String.length s + 1\n");
        List<Path> files;
        try (Stream<Path> samples = Files.walk(ROOT.resolve("samples"))) {
            files = Stream.concat(samples.filter(p -> p.toString().endsWith(".sm")), Stream.of(typo, clean)).toList();
        }
        for (Path f : files) {
            Compiler compiler = new Compiler(List.of(f.getParent()));
            Compilation check = compiler.check(List.of(f));
            Compilation compile = compiler.compile(List.of(f));
            assertEquals(compile.diagnostics(), check.diagnostics(), f.toString());
            assertEquals(compile.machineNames(), check.machineNames(), f.toString());
        }
        String message = new Compiler(List.of()).check(List.of(typo)).diagnostics().get(0).message();
        assertTrue(message.contains("did you mean 'List.length'"), message);
    }
}
