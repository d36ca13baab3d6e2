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
 * The longest time without a reply while a node is upgraded under a stream
 * of pipelined steps. A producer keeps a node running Counter1 busy (256
 * steps in flight; {@code -Dhotsm.bench.window=N} for another window); the
 * upgrade (Counter2's {@code .cam} bytes, as they come over the network) is
 * submitted from another thread, which submits one step of its own right
 * after it, so a step always waits behind the upgrade. The machine thread
 * stamps each reply as it makes it and the start of each turn
 * ({@link ReplyStamps}, through the node's reply seam).
 *
 * <p>The gap is the time from the last step reply before the upgrade to the
 * first after it (which holds the upgrade's turn, its reply and that step),
 * or, when nothing was queued before the upgrade arrived, from the start of
 * its turn: time in which the node had nothing to answer is not a gap of the
 * node. On the 2-core machine the producer often waits for a core (the
 * upgrade's preparation and HotSpot's compiler threads run then, and it parks
 * whenever its window is full), and the machine thread, with nothing queued,
 * idles meanwhile. {@code -Dhotsm.bench.verbose=true} prints each upgrade's
 * parts (how long the node was idle before it, the turn, completing the
 * upgrade's reply, the next reply), so such waits stay visible.
 *
 * <p>Run in a fresh JVM ({@code main}), so the first upgrade is the first
 * after start; then downgrade/upgrade cycles give the warm figure (median of
 * the last 20 of 40). Prints {@code first_us warm_us}.
 */
public final class UpgradeGap {
    private UpgradeGap() {}

    /** Steps in flight: the producer waits for the oldest reply when there are this many. */
    static final int WINDOW = Integer.getInteger("hotsm.bench.window", 256);
    private static volatile boolean running = true;

    public static void main(String[] args) throws Exception {
        Machines.Compiled counter1 = Machines.counter1();
        byte[] counter2 = ArtifactCodec.encode(Machines.counter2().artifact());
        Value incr = ValueParser.parse(counter1.artifact().input(), "Incr");
        Value marker = ValueParser.parse(counter1.artifact().input(), "Incr");   // the same input, another object
        ReplyStamps stamps = new ReplyStamps();
        try (Node node = Node.start(counter1.artifact(), NodeOptions.defaults().withLog(stamps))) {
            Thread producer = new Thread(() -> produce(node, incr), "producer");
            producer.start();
            try {
                Thread.sleep(1500);   // the step path warms up; the upgrade path stays cold
                double first = gap(stamps, node, counter2, marker);
                int cycles = 40;
                double[] warm = new double[cycles];
                for (int i = 0; i < cycles; i++) {
                    Thread.sleep(20);
                    node.downgrade().join();
                    Thread.sleep(20);
                    warm[i] = gap(stamps, node, counter2, marker);
                }
                double[] last = Arrays.copyOfRange(warm, cycles / 2, cycles);
                System.out.printf(java.util.Locale.ROOT, "%.1f %.1f%n", first, Timing.median(last));
            } finally {
                running = false;
                producer.join();
            }
        }
    }

    private static void produce(Node node, Value input) {
        ArrayDeque<CompletableFuture<StepResult>> inFlight = new ArrayDeque<>();
        while (running) {
            if (inFlight.size() == WINDOW) inFlight.poll().join();
            inFlight.add(node.step(input));
        }
    }

    /** Upgrade to {@code artifact}; microseconds: the longest wait without a reply across it (see the class comment). */
    private static double gap(ReplyStamps stamps, Node node, byte[] artifact, Value marker) {
        CompletableFuture<?> upgrade = node.upgrade(artifact);
        long markerQueued = System.nanoTime();
        CompletableFuture<StepResult> behind = node.step(marker);
        try {
            upgrade.join();
        } catch (RuntimeException e) {
            throw new IllegalStateException("the upgrade failed: " + e.getMessage(), e);
        }
        behind.join();
        long q = stamps.stepsBeforeChange();   // the first step answered after the upgrade (at latest the marker)
        if (q == 0) throw new IllegalStateException("no step was answered before the upgrade");
        long before = stamps.stepReply(q - 1);
        long after = stamps.stepReply(q);
        long turn = stamps.changeStart();
        long replied = stamps.changeReply();
        // From the reply before, or, if the node was idle then, from the turn's start (or the marker's submission,
        // if this thread got there first: then the node was slow to wake for the upgrade).
        long from = Math.max(before, Math.min(turn, markerQueued));
        if (Boolean.getBoolean("hotsm.bench.verbose")) {
            System.err.printf(java.util.Locale.ROOT, "upgrade at %d ns: replies %.1f us apart; turn began %.1f us"
                            + " after the reply before, took %.1f us; its reply completed in %.1f us;"
                            + " the next reply %.1f us after the upgrade's; gap %.1f us%n",
                    before, (after - before) / 1e3, (turn - before) / 1e3, (replied - turn) / 1e3,
                    (stamps.changeCompleted() - replied) / 1e3, (after - replied) / 1e3, (after - from) / 1e3);
        }
        return (after - from) / 1e3;
    }
}
