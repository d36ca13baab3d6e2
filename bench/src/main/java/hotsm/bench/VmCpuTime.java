package hotsm.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * {@link VmBench}'s Counter1 and heavy steps, Java twin and JIT, timed by the
 * thread's CPU time instead of the wall clock: a check for a machine too
 * loaded for JMH's figures to mean anything (docs/performance.md). The two
 * back ends alternate in one JVM, {@code rounds} times after twelve rounds of
 * warm-up, each in a method of its own that HotSpot compiles whole; the best
 * round of each is printed, and their ratio. Not part of {@code bench/run.sh}:
 * {@code java -cp bench/target/benchmarks.jar hotsm.bench.VmCpuTime counter|heavy [rounds]}.
 */
public final class VmCpuTime {
    private VmCpuTime() {}

    private static Object sink;

    public static void main(String[] args) {
        boolean counter = args.length == 0 || args[0].equals("counter");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        VmBench.Counter c = new VmBench.Counter();
        VmBench.Heavy h = new VmBench.Heavy();
        if (counter) c.setup();
        else h.setup();
        int steps = counter ? 5_000_000 : 500_000;
        double java = Double.MAX_VALUE;
        double jit = Double.MAX_VALUE;
        for (int r = 0; r < rounds + 12; r++) {
            long t0 = cpu.getCurrentThreadCpuTime();
            if (counter) javaSteps(c, steps);
            else javaSteps(h, steps);
            long t1 = cpu.getCurrentThreadCpuTime();
            if (counter) jitSteps(c, steps);
            else jitSteps(h, steps);
            long t2 = cpu.getCurrentThreadCpuTime();
            if (r < 12) continue;
            java = Math.min(java, (t1 - t0) / (double) steps);
            jit = Math.min(jit, (t2 - t1) / (double) steps);
        }
        System.out.printf("%s: java %.2f ns, jit %.2f ns per step, jit/java %.2f%n", counter ? "counter" : "heavy",
                java, jit, jit / java);
    }

    private static void javaSteps(VmBench.Counter m, int n) {
        Object s = null;
        for (int i = 0; i < n; i++) s = m.java();
        sink = s;
    }

    private static void jitSteps(VmBench.Counter m, int n) {
        Object s = null;
        for (int i = 0; i < n; i++) s = m.jit();
        sink = s;
    }

    private static void javaSteps(VmBench.Heavy m, int n) {
        Object s = null;
        for (int i = 0; i < n; i++) s = m.java();
        sink = s;
    }

    private static void jitSteps(VmBench.Heavy m, int n) {
        Object s = null;
        for (int i = 0; i < n; i++) s = m.jit();
        sink = s;
    }
}
