package hotsm.vm.protocol;

import hotsm.vm.bytecode.Identity;
import hotsm.vm.node.StepResult;
import hotsm.vm.node.VersionChange;
import hotsm.vm.value.Value;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Issue 4's load: clients speaking one interface each send the same input
 * over the wire, while an admin connection changes the node's version each
 * time the acknowledged steps pass a threshold. Shared by the load test on
 * hand-built counters and the one on the compiled samples.
 */
public final class ChangesUnderLoad {
    private ChangesUnderLoad() {}

    /** The version change to make at threshold {@code k} (0-based). */
    @FunctionalInterface
    public interface Change {
        VersionChange at(int k, NodeClient admin) throws IOException;
    }

    /** How many steps were acknowledged, and each change's message, in order. */
    public record Outcome(int acknowledged, List<String> changes) {}

    /**
     * Runs {@code clients} clients of {@code perClient} steps each (every reply
     * goes to {@code eachReply}, which asserts on it) and the changes; returns
     * once every client is done (a client's failure is thrown from here).
     */
    public static Outcome run(HostPort address, Identity speaking, Value input, int clients, int perClient,
                              Consumer<StepResult> eachReply, int[] thresholds, Change change) throws Exception {
        AtomicInteger acknowledged = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int k = 0; k < clients; k++) {
                running.add(pool.submit(() -> {
                    try (NodeClient c = NodeClient.connect(address, Optional.of(speaking))) {
                        for (int i = 0; i < perClient; i++) {
                            eachReply.accept(c.step(input));
                            acknowledged.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            List<String> changes = new ArrayList<>();
            try (NodeClient admin = NodeClient.connect(address)) {
                for (int k = 0; k < thresholds.length; k++) {
                    // Wait for the load to get this far (a failed client ends the wait; get() below reports it).
                    while (acknowledged.get() < thresholds[k] && !running.stream().allMatch(Future::isDone)) {
                        Thread.sleep(1);
                    }
                    changes.add(change.at(k, admin).message());
                }
            }
            for (Future<?> f : running) f.get();
            return new Outcome(acknowledged.get(), changes);
        } finally {
            pool.shutdown();
        }
    }
}
