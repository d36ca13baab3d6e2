package hotsm.compiler.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hotsm.compiler.Compilation;
import hotsm.compiler.Compiler;
import hotsm.vm.bytecode.Artifact;
import hotsm.vm.bytecode.ArtifactCodec;
import hotsm.vm.machine.Cam;
import hotsm.vm.value.Value;
import hotsm.vm.verify.Verifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Code sharing (LANGUAGE.md §13): a function used in more than one place is
 * one shared block that every use calls, so an artifact grows linearly with
 * its source. The example of the spec, {@code g30} calling {@code g29} twice
 * and so on down to {@code g0}, would be 2^30 copies of {@code g0} inlined.
 */
class SharedBlocksTest {
    @TempDir Path dir;

    private Artifact build(String source, String machine) throws IOException {
        Path file = dir.resolve("G.sm");
        Files.writeString(file, source);
        Compilation c = new Compiler(List.of()).compile(List.of(file));
        assertEquals(List.of(), c.diagnostics());
        Artifact a = ArtifactBuilder.build(c.machine(machine).orElseThrow());
        Verifier.verify(a);
        return a;
    }

    @Test void theG30ChainCompilesToAnArtifactUnder100KB() throws IOException {
        StringBuilder src = new StringBuilder("module G\ng0 n = n + 1\n");
        for (int i = 1; i <= 30; i++) src.append("g").append(i).append(" n = g").append(i - 1).append(" (g").append(i - 1).append(" n)\n");
        src.append("machine m : Int -> Int\n  state () = ()\n  proc n -> returnA -< if n < 0 then g30 n else g3 n\n");
        Artifact a = build(src.toString(), "m");
        int size = ArtifactCodec.encode(a).length;
        assertTrue(size < 100_000, "the artifact has " + size + " bytes");
        assertEquals(30, a.blocks().size()); // g0 .. g29; g30 is used once, so it is inlined
        // g3 n = n + 8, through the same blocks (g30 itself would take 2^30 steps)
        assertEquals(Value.of(13), Cam.run(a.step(), a.blocks(), Value.of(5), Value.UNIT, 100_000).value());
    }

    @Test void aFunctionUsedOnceIsInlinedAndOneUsingTheStateIsCompiledInPlace() throws IOException {
        Artifact a = build("""
                module G
                once n = n * 2
                twice n = n + 1
                machine m : Int -> Int
                  state Int = 0
                  proc n -> do
                    k <- bump -< twice n
                    returnA -< once (twice k)
                  where
                    bump = proc k -> do
                      s <- get -< ()
                      put -< s + k
                      returnA -< s + k
                """, "m");
        assertEquals(1, a.blocks().size());
        assertEquals("G.twice", a.blocks().get(0).name());
        assertEquals(new Cam.Result(Value.of(8), Value.of(3)), Cam.run(a.step(), a.blocks(), Value.of(2), Value.of(0), 10_000));
    }
}
