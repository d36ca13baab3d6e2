package hotsm.bench;

import hotsm.cluster.ClusterOptions;
import hotsm.cluster.LocalGroup;
import hotsm.cluster.Member;
import hotsm.vm.bytecode.ArtifactCodec;
import hotsm.vm.node.NodeOptions;
import hotsm.vm.node.VersionChange;
import hotsm.vm.value.Value;
import hotsm.vm.value.ValueParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A three-member replicated group (issue #12) on loopback, all members in this
 * JVM ({@link LocalGroup}): steps per second for one and four in-process
 * clients (each waiting for its reply), and the upgrade latency Counter1 →
 * Counter2 (median of a few upgrades, downgrading between).
 */
final class ClusterBench {
    private ClusterBench() {}

    /** The figures, NaN where one could not be taken. */
    record Figures(double steps1, double steps4, double upgradeMs) {}

    static Figures measure(Machines.Compiled counter, Machines.Compiled counter2, long ms, int upgrades)
            throws Exception {
        Path dir = DurableBench.tempDir("cluster");
        try (LocalGroup g = LocalGroup.start(3, dir, ArtifactCodec.encode(counter.artifact()), NodeOptions.defaults(),
                ClusterOptions.defaults(), id -> new Member.Events() { })) {
            Value incr = ValueParser.parse(counter.artifact().input(), "Incr");
            awaitLeader(g, incr);
            double one = Timing.rate(() -> {
                for (int i = 0; i < 20; i++) g.member(0).step(incr, null).join();
                return 20;
            }, ms / 2, ms);
            int[] next = {0};
            double four = NodeBench.parallel(4, ms, () -> {
                Member m = g.member(next[0]++ % 3);
                return () -> {
                    for (int i = 0; i < 20; i++) m.step(incr, null).join();
                    return 20;
                };
            });
            byte[] bytes = ArtifactCodec.encode(counter2.artifact());
            List<Double> samples = new ArrayList<>();
            for (int i = 0; i < upgrades; i++) {
                long start = System.nanoTime();
                VersionChange c = g.member(0).upgrade(bytes).join();
                double t = (System.nanoTime() - start) / 1e6;
                if (!VersionChange.UPGRADE_SUCCESSFUL.equals(c.message())) break;
                samples.add(t);
                g.member(0).downgrade().join();
            }
            return new Figures(one, four, DurableBench.median(samples));
        } finally {
            DurableBench.delete(dir);
        }
    }

    /** Steps until one succeeds (the group elects its leader first), for at most 60 s. */
    private static void awaitLeader(LocalGroup g, Value incr) throws Exception {
        long end = System.nanoTime() + 60_000_000_000L;
        while (true) {
            try {
                g.member(0).step(incr, null).join();
                return;
            } catch (RuntimeException e) {
                if (System.nanoTime() > end) throw e;
                Thread.sleep(100);
            }
        }
    }
}
