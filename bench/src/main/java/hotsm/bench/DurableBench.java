package hotsm.bench;

import hotsm.vm.bytecode.ArtifactCodec;
import hotsm.vm.journal.DurableNode;
import hotsm.vm.journal.Fsync;
import hotsm.vm.journal.JournalOptions;
import hotsm.vm.node.NodeOptions;
import hotsm.vm.node.StepResult;
import hotsm.vm.node.VersionChange;
import hotsm.vm.value.Value;
import hotsm.vm.value.ValueParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * A durable node (issue #9) running Counter1 in a data directory under
 * bench/target: steps per second for one and four in-process clients (each
 * waiting for its reply before the next step) under each fsync mode, the
 * recovery time of a 1,000,000-record journal, and the upgrade latency with
 * fsync always.
 */
final class DurableBench {
    private DurableBench() {}

    static final long RECOVERY_RECORDS = 1_000_000;

    /** Steps per second of {@code clients} threads against a fresh durable node with {@code fsync}. */
    static double steps(Machines.Compiled counter, Fsync fsync, int clients, long ms) throws Exception {
        Path dir = tempDir("durable");
        try (DurableNode d = open(dir, counter, fsync, JournalOptions.DEFAULT_SNAPSHOT_EVERY)) {
            Value incr = ValueParser.parse(counter.artifact().input(), "Incr");
            return NodeBench.parallel(clients, ms, () -> () -> {
                for (int i = 0; i < 20; i++) d.node().step(incr).join();
                return 20;
            });
        } finally {
            delete(dir);
        }
    }

    /**
     * Seconds to reopen a data directory whose journal holds {@link #RECOVERY_RECORDS} steps after its
     * first snapshot (snapshots further apart than that, so every record is replayed).
     */
    static double recovery(Machines.Compiled counter) throws Exception {
        Path dir = tempDir("recovery");
        try {
            long every = RECOVERY_RECORDS * 10;
            try (DurableNode d = open(dir, counter, Fsync.NEVER, every)) {
                Value incr = ValueParser.parse(counter.artifact().input(), "Incr");
                ArrayDeque<CompletableFuture<StepResult>> inFlight = new ArrayDeque<>();
                for (long i = 0; i < RECOVERY_RECORDS; i++) {
                    if (inFlight.size() == NodeBench.WINDOW) inFlight.poll().join();
                    inFlight.add(d.node().step(incr));
                }
                while (!inFlight.isEmpty()) inFlight.poll().join();
            }
            long start = System.nanoTime();
            try (DurableNode d = open(dir, counter, Fsync.NEVER, every)) {
                double s = (System.nanoTime() - start) / 1e9;
                if (d.opened().replayed() < RECOVERY_RECORDS) {
                    throw new IllegalStateException("recovery replayed only " + d.opened().replayed() + " records");
                }
                return s;
            }
        } finally {
            delete(dir);
        }
    }

    /** Median milliseconds of an upgrade Counter1 → Counter2 on a durable node with fsync always (downgrading between). */
    static double upgradeMs(Machines.Compiled counter, Machines.Compiled counter2, int times) throws Exception {
        Path dir = tempDir("upgrade");
        byte[] bytes = ArtifactCodec.encode(counter2.artifact());
        try (DurableNode d = open(dir, counter, Fsync.ALWAYS, JournalOptions.DEFAULT_SNAPSHOT_EVERY)) {
            Value incr = ValueParser.parse(counter.artifact().input(), "Incr");
            for (int i = 0; i < 100; i++) d.node().step(incr).join();
            List<Double> samples = new ArrayList<>();
            for (int i = 0; i < times; i++) {
                long start = System.nanoTime();
                VersionChange c = d.node().upgrade(bytes).join();
                double ms = (System.nanoTime() - start) / 1e6;
                if (!VersionChange.UPGRADE_SUCCESSFUL.equals(c.message())) break;
                samples.add(ms);
                d.node().downgrade().join();
            }
            return median(samples);
        } finally {
            delete(dir);
        }
    }

    static double median(List<Double> samples) {
        if (samples.isEmpty()) return Double.NaN;
        return Timing.median(samples.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static DurableNode open(Path dir, Machines.Compiled counter, Fsync fsync, long snapshotEvery)
            throws IOException {
        JournalOptions j = JournalOptions.defaults().withFsync(fsync).withSnapshotEvery(snapshotEvery);
        return DurableNode.open(dir, counter.artifact(), null, j, NodeOptions.defaults(),
                why -> System.err.println("bench: durable node failed: " + why));
    }

    /** A fresh directory under bench/target (the disk the project is on, not a tmpfs). */
    static Path tempDir(String what) throws IOException {
        Path target = Machines.root().resolve("bench/target");
        Files.createDirectories(target);
        return Files.createTempDirectory(target, "bench-" + what + "-");
    }

    static void delete(Path dir) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
