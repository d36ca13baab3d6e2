package hotsm.compiler.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import hotsm.compiler.Compilation;
import hotsm.compiler.Compiler;
import hotsm.compiler.codegen.ArtifactBuilder;
import hotsm.compiler.ir.MachineIr;
import hotsm.vm.verify.Verifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@code .sm} front end (parse, resolve, type-check, desugar) on any
 * bytes as a source file. Its error type is the diagnostic: a compilation
 * either succeeds or reports diagnostics; an exception is a finding. What
 * compiles is also built and verified.
 */
class FrontEndFuzzTest {

    private static final Path DIR;
    /** The counters, so a source that imports Counter1 (as the seeds do) reaches the type checker. */
    private static final List<Path> INCLUDES = Files.isDirectory(Path.of(System.getProperty("hotsm.root", "."),
            "samples", "counter")) ? List.of(Path.of(System.getProperty("hotsm.root", "."), "samples", "counter"))
            : List.of();

    static {
        try {
            DIR = Files.createTempDirectory("hotsm-fuzz");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The stack smc and the REPL give the front end (hotsm.cli.CommandThread): it recurses over nesting. */
    private static final long STACK_BYTES = 512L << 20;

    @FuzzTest(maxDuration = "4s")
    void compile(byte[] source) throws Throwable {
        Path file = DIR.resolve("Fuzz.sm");
        Files.write(file, source);
        Throwable[] failure = new Throwable[1];
        Thread t = new Thread(null, () -> {
            try {
                Compilation c = new Compiler(INCLUDES).compile(List.of(file));
                // What compiles must also build to an artifact the verifier accepts (a rejection is a compiler bug).
                for (MachineIr m : c.machines()) Verifier.verify(ArtifactBuilder.build(m));
            } catch (Throwable e) {
                failure[0] = e;
            }
        }, "fuzz-front-end", STACK_BYTES);
        t.start();
        t.join();
        if (failure[0] != null) throw failure[0];
    }
}
