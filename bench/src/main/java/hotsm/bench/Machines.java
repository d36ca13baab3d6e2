package hotsm.bench;

import hotsm.compiler.Compilation;
import hotsm.compiler.Compiler;
import hotsm.compiler.codegen.ArtifactBuilder;
import hotsm.compiler.ir.MachineIr;
import hotsm.vm.bytecode.Artifact;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The machines the benchmarks run, compiled from source when the suite starts. */
public final class Machines {
    private Machines() {}

    /** A compiled machine: its IR (for the reference interpreter) and its artifact. */
    public record Compiled(MachineIr ir, Artifact artifact) {}

    /** The repository root (bench/run.sh passes -Dhotsm.root); the working directory's parent chain otherwise. */
    public static Path root() {
        String r = System.getProperty("hotsm.root");
        if (r != null && !r.isBlank()) return Path.of(r);
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("samples"))) p = p.getParent();
        if (p == null) throw new IllegalStateException("cannot find the repository root; pass -Dhotsm.root=DIR");
        return p;
    }

    public static Compiled counter1() {
        return compile(root().resolve("samples/counter/Counter1.sm"), "Counter1.counter");
    }

    public static Compiled counter2() {
        return compile(root().resolve("samples/counter/Counter2.sm"), "Counter2.counter");
    }

    /** bench/src/main/resources/hotsm/bench/Heavy.sm. */
    public static Compiled heavy() {
        return compile(resource("Heavy.sm"), "Heavy.heavy");
    }

    /** bench/src/main/resources/hotsm/bench/Fold.sm: a fold over 1,000 elements per step. */
    public static Compiled fold() {
        return compile(resource("Fold.sm"), "Fold.fold");
    }

    /** Copies a resource of this package to a temporary file (the compiler reads files). */
    static Path resource(String name) {
        try (InputStream in = Machines.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name);
            Path dir = Files.createTempDirectory("hotsm-bench");
            Path file = dir.resolve(name);
            Files.write(file, in.readAllBytes());
            file.toFile().deleteOnExit();
            dir.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Compiled compile(Path file, String machine) {
        Compilation c = new Compiler(List.of()).compile(List.of(file));
        if (!c.ok()) throw new IllegalStateException(file + " does not compile: " + c.diagnostics());
        MachineIr ir = c.machine(machine).orElseThrow(() -> new IllegalStateException("no machine " + machine));
        return new Compiled(ir, ArtifactBuilder.build(ir));
    }
}
