package hotsm.bench;

import hotsm.compiler.Compilation;
import hotsm.compiler.Compiler;
import hotsm.compiler.codegen.ArtifactBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Issue 10's pathological compiler inputs (the shapes of the compiler's
 * PathologicalInputsTest, and nested calls beside the call chain), compiled at
 * sizes n, 2n and 4n. The figure is the growth per doubling of the size,
 * {@code sqrt(t(4n) / t(n))}, where t is the compile time less that of the
 * same shape at size 1 (the fixed cost of its path: a shape that is a located
 * error stops early): about 2 for a linear pass, a little more for n log n,
 * 4 for a quadratic one, and far more for the exponential ones the issue
 * found. The target, at most 2.5, is n log n or better with room for noise.
 *
 * <p>Times are the compiling thread's CPU time (a machine shared with other
 * work deschedules the process, which wall time would count), the best of a
 * few rounds over all four sizes after warm-up rounds (noise only ever adds).
 * A compile is parse and check, and the code generator for a program that
 * compiles; the three sizes of a shape must end alike (all compile, or all
 * stop at the same error), or the harness fails.
 */
final class PathologicalBench {
    private PathologicalBench() {}

    /** The largest growth per doubling that is still n log n or better (with some noise). */
    static final double TARGET = 2.5;

    /** A shape: its key, the smallest size, and the program of a given size. */
    record Shape(String key, int n, IntFunction<String> program) {}

    /** What one shape measured: milliseconds at n, 2n, 4n (less the trivial program's) and the growth. */
    record Growth(Shape shape, double[] ms, double perDoubling) {}

    /** Rounds over the sizes before the measured ones. */
    private static final int WARM_UP = 3;

    static final String MACHINE = "machine m : Int -> Int\n  state Int = 0\n  proc i -> returnA -< ";

    static final List<Shape> SHAPES = List.of(
            // Maybe (Maybe (... Int)) in a signature, n deep.
            new Shape("maybe_nested", 1_200, n -> "f : " + "Maybe (".repeat(n) + "Int" + ")".repeat(n)
                    + " -> Int\nf m = 1\n" + MACHINE + "f Nothing\n"),
            // type T1 = (T0, T0), type T2 = (T1, T1), ... n levels, unused (a located error past 100,000 parts).
            new Shape("doubling_synonyms", 1_000, n -> {
                StringBuilder s = new StringBuilder("type T0 = Int\n");
                for (int i = 1; i <= n; i++) {
                    s.append("type T").append(i).append(" = (T").append(i - 1).append(", T").append(i - 1).append(")\n");
                }
                return s.append(MACHINE).append("i\n").toString();
            }),
            // 1 + 1 + ... + 1, n terms on one line.
            new Shape("plus_chain", 2_000, n -> MACHINE + String.join(" + ", Collections.nCopies(n, "1")) + "\n"),
            // n unclosed '(' (a located error).
            new Shape("unclosed_brackets", 80_000, n -> MACHINE + "(".repeat(n) + "1\n"),
            // f1 x = f0 x, ..., fn x = f(n-1) x: a call chain n deep through definitions.
            new Shape("call_chain", 4_000, n -> {
                StringBuilder s = new StringBuilder("f0 : Int -> Int\nf0 x = x + 1\n");
                for (int i = 1; i <= n; i++) s.append("f").append(i).append(" x = f").append(i - 1).append(" x\n");
                return s.append(MACHINE).append("f").append(n).append(" i\n").toString();
            }),
            // f0 (f0 (... (f0 i))), n calls nested in one expression.
            new Shape("nested_calls", 1_000, n -> "f0 : Int -> Int\nf0 x = x + 1\n" + MACHINE + "f0 (".repeat(n) + "i"
                    + ")".repeat(n) + "\n"),
            // data Big = C0 | ... | C(n-1) as the machine's input type: past 500, a located error at the type.
            new Shape("many_constructors", 8_000, n -> {
                StringBuilder s = new StringBuilder("data Big = C0");
                for (int i = 1; i < n; i++) s.append(" | C").append(i);
                return s.append("\nmachine m : Big -> Int\n  state Int = 0\n  proc i -> case i of\n")
                        .append("    C0 -> returnA -< 0\n    _ -> returnA -< 1\n").toString();
            }));

    /** Measure every shape. */
    static List<Growth> measure(int runs) throws Exception {
        Path dir = Files.createTempDirectory("hotsm-pathological");
        Path file = dir.resolve("P.sm");
        try {
            List<Growth> all = new java.util.ArrayList<>();
            for (Shape s : SHAPES) {
                String[] sources = {s.program().apply(1), s.program().apply(s.n()), s.program().apply(2 * s.n()),
                        s.program().apply(4 * s.n())};
                String[] outcomes = new String[sources.length];
                for (int i = 0; i < sources.length; i++) outcomes[i] = compile(file, sources[i]).outcome();
                if (!outcomes[1].equals(outcomes[2]) || !outcomes[2].equals(outcomes[3])) {
                    throw new IllegalStateException(s.key() + ": the sizes end differently (" + outcomes[1] + " / "
                            + outcomes[2] + " / " + outcomes[3] + "), so their times do not compare");
                }
                // Rounds over all sizes, each size's best time kept: noise (other processes, the JIT still
                // compiling, a collection) only ever adds, and spreads over the sizes alike.
                double[] best = new double[sources.length];
                java.util.Arrays.fill(best, Double.MAX_VALUE);
                for (int round = 0; round < WARM_UP + runs; round++) {
                    for (int i = 0; i < sources.length; i++) {
                        double t = compile(file, sources[i]).ms();
                        if (round >= WARM_UP) best[i] = Math.min(best[i], t);
                    }
                }
                // Less the same shape at size 1: the fixed cost of its path (a shape that is an error stops early).
                double[] ms = new double[3];
                for (int k = 0; k < 3; k++) ms[k] = Math.max(0.01, best[k + 1] - best[0]);
                System.err.printf(java.util.Locale.ROOT, "bench:   %s: %.1f ms at size 1, %.1f / %.1f / %.1f ms at"
                        + " %d / %d / %d (%s)%n", s.key(), best[0], best[1], best[2], best[3], s.n(), 2 * s.n(),
                        4 * s.n(), outcomes[3]);
                all.add(new Growth(s, ms, Math.sqrt(ms[2] / ms[0])));
            }
            return all;
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }

    /** How {@code shape} at {@code size} ends: {@code ok}, or its first error with the numbers taken out. */
    static String outcome(Shape shape, int size) throws Exception {
        Path dir = Files.createTempDirectory("hotsm-pathological");
        Path file = dir.resolve("P.sm");
        try {
            return compile(file, shape.program().apply(size)).outcome();
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }

    /** One compile: how long it took, and how it ended ({@code ok} or its first error, without the place). */
    record Run(double ms, String outcome) {}

    /** The compiling thread's own CPU time: a process shared with others is descheduled, which wall time counts. */
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    /** Compile {@code source}, on a thread with the large stack smc and sm use; the time is that thread's CPU time. */
    private static Run compile(Path file, String source) throws Exception {
        Files.writeString(file, source);
        Run[] run = new Run[1];
        Throwable[] failed = new Throwable[1];
        Thread t = new Thread(null, () -> {
            try {
                long t0 = CPU.getCurrentThreadCpuTime();
                Compilation c = new Compiler(List.of()).compile(List.of(file));
                if (c.ok()) ArtifactBuilder.build(c.machine("m").orElseThrow());
                double ms = (CPU.getCurrentThreadCpuTime() - t0) / 1e6;
                String outcome = c.ok() ? "ok" : c.diagnostics().get(0).message().replaceAll("[0-9]+", "N");
                run[0] = new Run(ms, outcome);
            } catch (Throwable e) {
                failed[0] = e;
            }
        }, "pathological-compile", 1L << 30);
        t.start();
        t.join();
        if (failed[0] != null) throw new IllegalStateException("the compiler failed on a pathological input", failed[0]);
        return run[0];
    }

    /** Prints each shape's times and growth (a quick look without the suite). */
    public static void main(String[] args) throws Exception {
        for (Growth g : measure(args.length > 0 ? Integer.parseInt(args[0]) : 3)) {
            System.out.printf(java.util.Locale.ROOT, "%-20s n=%-6d %8.1f %8.1f %8.1f ms  %.2f per doubling%n",
                    g.shape().key(), g.shape().n(), g.ms()[0], g.ms()[1], g.ms()[2], g.perDoubling());
        }
    }
}
