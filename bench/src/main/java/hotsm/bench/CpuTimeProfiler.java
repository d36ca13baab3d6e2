package hotsm.bench;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * A JMH profiler that adds the process's CPU time per operation
 * ({@code cpu.ns/op}) to each iteration: on a machine shared with other work
 * the wall-clock figure counts the time the benchmark thread waited for a
 * core, this one does not (it counts the JVM's own threads, GC included).
 * {@code java -jar bench/target/benchmarks.jar VmBench.counterJit -prof hotsm.bench.CpuTimeProfiler}.
 */
public final class CpuTimeProfiler implements InternalProfiler {
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private long start;

    @Override public String getDescription() { return "process CPU time per operation"; }

    @Override public void beforeIteration(BenchmarkParams benchmark, IterationParams iteration) {
        start = os.getProcessCpuTime();
    }

    @Override public Collection<? extends Result> afterIteration(BenchmarkParams benchmark, IterationParams iteration,
                                                                 IterationResult result) {
        long cpu = os.getProcessCpuTime() - start;
        long ops = result.getMetadata() == null ? 0 : result.getMetadata().getMeasuredOps();
        double perOp = ops == 0 ? Double.NaN : cpu / (double) ops;
        return List.of(new ScalarResult("cpu.ns/op", perOp, "ns/op", AggregationPolicy.AVG));
    }
}
