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

    static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
