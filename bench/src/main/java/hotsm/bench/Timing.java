package hotsm.bench;

import java.util.Arrays;

/** Small helpers for the plain-Java harnesses: run for a while, count, take medians. */
final class Timing {
    private Timing() {}

    /** Something done many times; returns how many operations one call did. */
    @FunctionalInterface
    interface Batch {
        long run() throws Exception;
    }

    /** Operations per second of {@code batch}, after warming up for {@code warmupMs}, measured over {@code ms}. */
    static double rate(Batch batch, long warmupMs, long ms) throws Exception {
        long end = System.nanoTime() + warmupMs * 1_000_000;
        while (System.nanoTime() < end) batch.run();
        long ops = 0;
        long start = System.nanoTime();
        end = start + ms * 1_000_000;
        long now;
        do {
            ops += batch.run();
            now = System.nanoTime();
        } while (now < end);
        return ops / ((now - start) / 1e9);
    }

    /**
     * Operations per second of {@code a} and of {@code b} (in that order), measured in turns: both
     * warmed up for {@code warmupMs} and then measured for {@code ms} each, in {@code rounds} alternating
     * rounds (a first in even rounds, b first in odd ones); each side's rate is its operations over its
     * own time. For two clients of one server: measured one after the other, the first pays for warming
     * up the server (HotSpot compiling the code both use) and each runs under its own seconds' load.
     */
    static double[] alternate(Batch a, Batch b, long warmupMs, long ms, int rounds) throws Exception {
        for (int i = 0; i < rounds; i++) {
            run(i % 2 == 0 ? a : b, warmupMs / rounds);
            run(i % 2 == 0 ? b : a, warmupMs / rounds);
        }
        long[] ops = new long[2];
        long[] nanos = new long[2];
        for (int i = 0; i < rounds; i++) {
            for (int k = 0; k < 2; k++) {
                int side = (i + k) % 2;
                long start = System.nanoTime();
                ops[side] += run(side == 0 ? a : b, ms / rounds);
                nanos[side] += System.nanoTime() - start;
            }
        }
        return new double[] {ops[0] / (nanos[0] / 1e9), ops[1] / (nanos[1] / 1e9)};
    }

    /** Runs {@code batch} until {@code ms} have passed; returns the operations done. */
    private static long run(Batch batch, long ms) throws Exception {
        long ops = 0;
        long end = System.nanoTime() + ms * 1_000_000;
        do {
            ops += batch.run();
        } while (System.nanoTime() < end);
        return ops;
    }

    static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
