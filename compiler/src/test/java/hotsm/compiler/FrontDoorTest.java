package hotsm.compiler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hotsm.vm.bytecode.ArtifactCodec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The facade goes on to verified artifacts, picks machines by the one rule and knows each file's module. */
class FrontDoorTest {
    private static final Path COUNTERS = Path.of(System.getProperty("hotsm.root", "..")).resolve("samples/counter");

    @Test void aCompilationGivesVerifiedArtifactsWithTheirBytes() {
        Path file = COUNTERS.resolve("Counter1.sm");
        Compilation c = new Compiler(List.of()).compile(List.of(file));
        assertTrue(c.ok(), c.diagnostics()::toString);
        List<CompiledArtifact> artifacts = c.artifacts();
        assertEquals(1, artifacts.size());
        CompiledArtifact a = artifacts.get(0);
        assertEquals("Counter1.counter", a.name());
        assertEquals("dd23c603", a.identity().shortHex());   // the identity README and docs quote
        assertArrayEquals(ArtifactCodec.encode(a.artifact()), a.bytes());
        assertEquals(Optional.of("Counter1"), c.moduleOf(file));
    }

    @Test void aQualifiedNameMayPickAnImportedMachineABareOneOnlyTheFilesOwn(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("Next.sm"), """
                import Counter1
                machine next : Int -> Int
                  state Int = 0
                  proc x -> returnA -< x
                """);
        Compilation c = new Compiler(List.of(COUNTERS)).compile(List.of(f));
        assertTrue(c.ok(), c.diagnostics()::toString);
        assertEquals(Optional.of("Next"), c.moduleOf(f));
        assertEquals("Next.next", c.resolveMachine("next", f.toString()).name());
        assertEquals("Counter1.counter", c.resolveMachine("Counter1.counter", f.toString()).name());
        MachineNames.NotFound e = assertThrows(MachineNames.NotFound.class, () -> c.resolveMachine("counter", f.toString()));
        assertEquals(f + " has no machine 'counter' (it defines Next.next)", e.getMessage());
    }
}
