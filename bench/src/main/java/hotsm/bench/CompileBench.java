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
 *
 * <p>Run in a fresh JVM ({@link #main}, started by the suite with
 * {@link #JVM_OPTIONS}): a heap of fixed size, touched when the JVM starts,
 * with a young generation that holds a whole 50,000-line compile; the
 * compiler warmed up at both sizes; a collection before each measured
 * compile, so each starts from the same empty young generation and none
 * collects (the count is printed). The figure is then the compiler's own
 * work at each size. Measured before in the suite's own JVM, the heap grew
 * while the 50,000-line compiles were timed (they had no warm-up): their
 * first touches of the new memory (page faults: 145 of 480 ms of CPU in one
 * compile, 8 ms with a touched heap) and the collections that a 10,000-line
 * compile, fitting in the young generation, escaped, were counted against
 * the larger size only. The allocation, which no heap setting changes, grows
 * linearly (81 and 390 MB).
 */
public final class CompileBench {
    private CompileBench() {}

    /** The measuring JVM's options: 3 GiB of heap, fixed, touched at start, 2 GiB young (a 50k compile allocates 0.5). */
    static final List<String> JVM_OPTIONS = List.of("-Xms3g", "-Xmx3g", "-Xmn2g", "-XX:+AlwaysPreTouch");

    /** Prints {@code check10k_ms compile10k_ms compile50k_ms}: medians of 5, 5 and 3 runs after warming up. */
    public static void main(String[] args) throws Exception {
        for (int i = 0; i < 3; i++) {   // both sizes warm: the compiler's code, and the heap at the larger size
            time(10_000, 3);
            time(50_000, 1);
        }
        long collections = youngCollections();
        Times ten = time(10_000, 5);
        Times fifty = time(50_000, 3);
        System.err.println("bench:   compile: " + (youngCollections() - collections)
                + " young collections in the measured compiles");
        System.out.println(ten.checkMs() + " " + ten.compileMs() + " " + fifty.compileMs());
    }

    /** Collections of the young generation so far (the explicit ones between compiles are full collections). */
    private static long youngCollections() {
        long n = 0;
        for (var gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc.getName().contains("Young")) n += gc.getCollectionCount();
        }
        return n;
    }

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
                System.gc();   // each compile starts from an empty young generation
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
