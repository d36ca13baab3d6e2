package hotsm.compiler.types;

import static org.junit.jupiter.api.Assertions.*;

import hotsm.compiler.Compilation;
import hotsm.compiler.Compiler;
import hotsm.compiler.diag.Diagnostic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A case whose patterns name constructors of two data types at the same
 * index (found by CheckerFuzzTest): the stray one is a type error, and the
 * exhaustiveness check does not read arguments it does not have (it was an
 * internal error, IndexOutOfBoundsException).
 */
class MixedConstructorPatternsTest {
    @TempDir Path dir;

    @Test
    void aConstructorOfAnotherTypeIsATypeErrorNotAnInternalOne() throws Exception {
        Path f = dir.resolve("Mixed.sm");
        Files.writeString(f, """
                module Mixed
                data Input = Incr | Count | Set Int
                data Output = Ok | Total (Int, Int)
                machine m : Input -> Output
                  state Int = 0
                  proc i -> case i of
                    Incr -> returnA -< Ok
                    Count -> returnA -< Ok
                    Total m -> returnA -< Ok
                    Set k -> returnA -< Ok
                """);
        Compilation c = new Compiler(List.of()).compile(List.of(f));
        assertFalse(c.ok());
        for (Diagnostic d : c.diagnostics()) assertFalse(d.message().contains("internal error"), d.message());
        assertTrue(c.diagnostics().stream().anyMatch(d -> d.message().contains("type mismatch")),
                c.diagnostics().toString());
    }
}
