package hotsm.bench;

import hotsm.compiler.Compilation;
import hotsm.compiler.Compiler;
import hotsm.compiler.codegen.ArtifactBuilder;
import hotsm.compiler.ir.MachineIr;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Compile time against program size: generated modules of 10,000 and 50,000
 * lines (independent functions, data types, one machine), compiled in process
 * after warming the compiler up. Check is parse, resolve, type-check and
 * desugar; compile adds the code generator.
 */
final class CompileBench {
    private CompileBench() {}

    /** Median milliseconds of {@code runs} checks and of {@code runs} full compiles. */
    record Times(double checkMs, double compileMs) {}

    /** A module of about {@code lines} lines. */
    static String program(int lines) {
        StringBuilder b = new StringBuilder("module Big\n\ndata Input = Go Int | Stop\ndata Output = Done Int\n\n");
        int n = 0;
        int written = 5;
        while (written < lines - 12) {
            if (n % 50 == 0) {
                b.append("data T").append(n).append(" = A").append(n).append(" Int | B").append(n)
                        .append(" String | C").append(n).append("\n\n");
                written += 2;
            }
            written += 3;
            b.append("f").append(n).append(" : (Int, Int) -> Int\n");
            b.append("f").append(n).append(" (a, b) = if a > b then a - b + ").append(n)
                    .append(" else b * 2 - a % ").append(n % 7 + 1).append("\n\n");
            n++;
        }
        b.append("machine big : Input -> Output\n  state Int = 0\n  proc i -> case i of\n")
                .append("    Go k -> do\n      n <- get -< ()\n      put -< f0 (n, k) + f1 (k, n)\n")
                .append("      returnA -< Done n\n    Stop -> do\n      n <- get -< ()\n      returnA -< Done n\n");
        return b.toString();
    }

    static Times time(int lines, int runs) throws Exception {
        Path dir = Files.createTempDirectory("hotsm-compile");
        Path file = dir.resolve("Big.sm");
        Files.writeString(file, program(lines));
        try {
            double[] check = new double[runs];
            double[] compile = new double[runs];
            for (int i = 0; i < runs; i++) {
                long t0 = System.nanoTime();
                Compilation c = new Compiler(List.of()).compile(List.of(file));
                long t1 = System.nanoTime();
                if (!c.ok()) throw new IllegalStateException("generated program does not compile: " + c.diagnostics());
                MachineIr m = c.machine("Big.big").orElseThrow();
                ArtifactBuilder.build(m);
                long t2 = System.nanoTime();
                check[i] = (t1 - t0) / 1e6;
                compile[i] = (t2 - t0) / 1e6;
            }
            return new Times(Timing.median(check), Timing.median(compile));
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }
}
