package hotsm.bench;

import hotsm.vm.bytecode.ArtifactCodec;
import hotsm.vm.node.Node;
import hotsm.vm.node.NodeOptions;
import hotsm.vm.node.StepResult;
import hotsm.vm.value.Value;
import hotsm.vm.value.ValueParser;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;

/**
 * The longest gap between two replies on the machine thread while an upgrade
 * passes through it. A producer keeps a node running Counter1 busy with
 * pipelined steps; each reply's completion time is taken on the machine
 * thread itself; the upgrade (Counter2's {@code .cam} bytes, as they come over
 * the network) is submitted from another thread. The gap is the time between
 * the last step answered before the upgrade and the first one after it.
 *
 * <p>Run in a fresh JVM ({@code main}), so the first upgrade is the first
 * after start; then downgrade/upgrade cycles give the warm figure (median).
 * Prints {@code first_us warm_us}.
 */
public final class UpgradeGap {
    private UpgradeGap() {}

    private static final int MAX = 20_000_000;
    private static final long[] stepTimes = new long[MAX];
    private static volatile int steps;   // written by the machine thread only
    private static volatile boolean running = true;

    public static void main(String[] args) throws Exception {
        Machines.Compiled counter1 = Machines.counter1();
        byte[] counter2 = ArtifactCodec.encode(Machines.counter2().artifact());
        try (Node node = Node.start(counter1.artifact(), NodeOptions.defaults())) {
            Value incr = ValueParser.parse(counter1.artifact().input(), "Incr");
            Thread producer = new Thread(() -> produce(node, incr), "producer");
            producer.start();
            Thread.sleep(1500);   // the step path warms up; the upgrade path stays cold
            double first = gap(node.upgrade(counter2));
            int cycles = 40;
            double[] warm = new double[cycles];
            for (int i = 0; i < cycles; i++) {
                Thread.sleep(20);
                node.downgrade().join();
                Thread.sleep(20);
                warm[i] = gap(node.upgrade(counter2));
            }
            running = false;
            producer.join();
            double[] last = Arrays.copyOfRange(warm, cycles / 2, cycles);
            System.out.printf(java.util.Locale.ROOT, "%.1f %.1f%n", first, Timing.median(last));
        }
    }

    private static void produce(Node node, Value input) {
        ArrayDeque<CompletableFuture<StepResult>> inFlight = new ArrayDeque<>();
        while (running) {
            if (inFlight.size() == 256) inFlight.poll().handle((r, e) -> null).join();
            CompletableFuture<StepResult> f = node.step(input);
            f.whenComplete((r, e) -> {
                if (steps < MAX) stepTimes[steps++] = System.nanoTime();
            });
            inFlight.add(f);
        }
    }

    /** Microseconds between the replies around the upgrade. */
    private static double gap(CompletableFuture<?> upgrade) throws Exception {
        long[] at = new long[1];
        upgrade.whenComplete((r, e) -> at[0] = System.nanoTime()).join();
        if (upgrade.isCompletedExceptionally()) throw new IllegalStateException("the upgrade failed: " + upgrade.handle((r, e) -> e).join());
        Thread.sleep(5);
        // Find the step replies just before and just after the upgrade's.
        int n = steps;
        long before = Long.MIN_VALUE;
        long after = Long.MAX_VALUE;
        for (int i = Math.max(0, n - 2_000_000); i < n; i++) {
            long t = stepTimes[i];
            if (t <= at[0] && t > before) before = t;
            if (t > at[0] && t < after) after = t;
        }
        if (before == Long.MIN_VALUE || after == Long.MAX_VALUE) return Double.NaN;
        if (Boolean.getBoolean("hotsm.bench.verbose")) {
            System.err.printf("upgrade: %.1f us after the step before, %.1f us before the step after%n",
                    (at[0] - before) / 1e3, (after - at[0]) / 1e3);
        }
        return (after - before) / 1e3;
    }
}
