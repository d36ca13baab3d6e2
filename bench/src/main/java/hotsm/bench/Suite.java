package hotsm.bench;


import java.nio.file.Files;
import java.nio.file.Path;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The suite bench/run.sh runs after JMH: reads JMH's JSON results, runs the
 * plain-Java harnesses (node in process and over TCP beside the line server
 * and the raw client, upgrade gaps in a fresh JVM, compile times, command
 * wall times, a durable node under each fsync mode, a three-member group),
 * prints one markdown table and writes results.json.
 *
 * <p>Arguments: JMH's JSON result file, the results.json to write.
 * {@code -Dhotsm.bench.only=durable,cluster} runs only the harnesses named
 * (vm, node, gaps, compile, pathological, cli, durable, cluster); the JMH file is then read only for vm.
 */
public final class Suite {
    private Suite() {}

    private static final long MS = Long.getLong("hotsm.bench.ms", 2000);

    public static void main(String[] args) throws Exception {
        Results r = new Results();
        r.about("date", java.time.Instant.now().toString());
        r.about("cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
        r.about("load_average_at_start", loadAverage());
        r.about("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        Machines.Compiled counter = Machines.counter1();
        if (selected("vm")) vm(r, Files.readString(Path.of(args[0])));
        if (selected("node")) node(r, counter);
        if (selected("gaps")) {
            progress("upgrade gaps (fresh JVM)");
            upgradeGaps(r);
        }
        if (selected("compile")) compile(r);
        if (selected("pathological")) pathological(r);
        if (selected("cli")) {
            progress("command-line wall times");
            cli(r, counter);
        }
        if (selected("durable")) durable(r, counter);
        if (selected("cluster")) cluster(r, counter);
        Files.createDirectories(Path.of(args[1]).toAbsolutePath().getParent());
        r.writeJson(Path.of(args[1]));
        System.out.print(r.table());
    }

    /** Whether harness {@code name} runs: all of them, unless -Dhotsm.bench.only=a,b names some. */
    private static boolean selected(String name) {
        String only = System.getProperty("hotsm.bench.only", "").trim();
        return only.isEmpty() || java.util.Arrays.asList(only.split("\\s*,\\s*")).contains(name);
    }

    private static void node(Results r, Machines.Compiled counter) throws Exception {
        progress("node in process");
        r.put("node_inproc_steps_per_s", NodeBench.inProcess(counter, 4, MS), "steps/s", Results.atLeast(5_000_000));
        progress("node over TCP");
        NodeBench.Tcp t = NodeBench.tcp(counter, MS);
        r.put("node_rr_steps_per_s", t.nodeRr(), "steps/s");
        r.put("line_server_rr_per_s", t.lineRr(), "requests/s");
        r.put("node_rr_ratio_vs_java", t.nodeRr() / t.lineRr(), "×", Results.atLeast(1.0));
        r.put("node_pipelined_steps_per_s", t.nodePipelined(), "steps/s");
        r.put("raw_client_pipelined_steps_per_s", t.rawPipelined(), "steps/s");
        r.put("node_pipelined_ratio_vs_raw_client", t.nodePipelined() / t.rawPipelined(), "×", Results.atLeast(0.8));
        r.put("node_4clients_steps_per_s", t.node4(), "steps/s");
        r.put("line_server_4clients_per_s", t.line4(), "requests/s");
        r.put("node_4clients_ratio_vs_java", t.node4() / t.line4(), "×", Results.atLeast(1.5));
    }

    private static void compile(Results r) throws Exception {
        progress("compile times (fresh JVM, fixed heap)");
        String[] f = inFreshJvm(CompileBench.class, CompileBench.JVM_OPTIONS);
        if (f == null) {
            r.missing("check_10k_ms", "ms", Results.atMost(80), "the measuring JVM failed");
            r.missing("compile_50k_over_10k", "×", Results.atMost(5.5), "the measuring JVM failed");
            return;
        }
        double check10 = Double.parseDouble(f[0]);
        double compile10 = Double.parseDouble(f[1]);
        double compile50 = Double.parseDouble(f[2]);
        r.put("check_10k_ms", check10, "ms", Results.atMost(80));
        r.put("compile_10k_ms", compile10, "ms");
        r.put("compile_50k_ms", compile50, "ms");
        r.put("compile_50k_over_10k", compile50 / compile10, "×", Results.atMost(5.5));
    }

    /** Issue #10: growth per doubling of the input on each pathological compiler shape (PathologicalBench). */
    private static void pathological(Results r) throws Exception {
        progress("compiler on pathological inputs at n, 2n, 4n");
        for (PathologicalBench.Growth g : PathologicalBench.measure(5)) {
            r.put("compile_growth_" + g.shape().key(), g.perDoubling(), "× per doubling",
                    Results.atMost(PathologicalBench.TARGET));
        }
    }

    /** Issue #9: a durable node, in-process clients each waiting for its reply, under each fsync mode. */
    private static void durable(Results r, Machines.Compiled counter) throws Exception {
        hotsm.vm.journal.Fsync[] modes = {hotsm.vm.journal.Fsync.ALWAYS, hotsm.vm.journal.Fsync.batch(5),
                hotsm.vm.journal.Fsync.NEVER};
        String[] names = {"always", "batch5ms", "never"};
        for (int clients : new int[] {1, 4}) {
            for (int i = 0; i < modes.length; i++) {
                progress("durable node, " + clients + " in-process client(s), fsync " + modes[i]);
                r.put("durable_" + clients + (clients == 1 ? "client" : "clients") + "_steps_per_s_" + names[i],
                        DurableBench.steps(counter, modes[i], clients, MS), "steps/s (in-process, reply awaited)");
            }
        }
        progress("durable node: recovery of a 1,000,000-record journal");
        r.put("durable_recovery_1m_records_s", DurableBench.recovery(counter), "s");
        progress("durable node: upgrade latency (fsync always)");
        r.put("durable_upgrade_latency_ms", DurableBench.upgradeMs(counter, Machines.counter2(), 5), "ms");
    }

    /** Issue #12: a three-member group on loopback (all in this JVM), beside the durable node above. */
    private static void cluster(Results r, Machines.Compiled counter) throws Exception {
        progress("three-member group on loopback");
        ClusterBench.Figures f = ClusterBench.measure(counter, Machines.counter2(), MS, 5);
        r.put("cluster3_steps_per_s", f.steps1(), "steps/s (1 in-process client, reply awaited)");
        r.put("cluster3_4clients_steps_per_s", f.steps4(), "steps/s (4 in-process clients, reply awaited)");
        r.put("cluster3_upgrade_latency_ms", f.upgradeMs(), "ms");
    }

    private static void vm(Results r, String jmh) {
        double counterJava = score(jmh, "counterJava");
        double counterJit = score(jmh, "counterJit");
        double counterCam = score(jmh, "counterCam");
        double counterRef = score(jmh, "counterReference");
        double heavyJava = score(jmh, "heavyJava");
        double heavyJit = score(jmh, "heavyJit");
        double heavyCam = score(jmh, "heavyCam");
        double heavyRef = score(jmh, "heavyReference");
        r.put("vm_counter_java_ns", counterJava, "ns/step");
        r.put("vm_counter_jit_ns", counterJit, "ns/step");
        r.put("vm_counter_cam_ns", counterCam, "ns/step");
        r.put("vm_counter_reference_ns", counterRef, "ns/step");
        r.put("vm_counter_ratio_vs_java", counterJit / counterJava, "×", Results.atMost(2));
        r.put("vm_counter_cam_ratio_vs_java", counterCam / counterJava, "×");
        r.put("vm_heavy_java_ns", heavyJava, "ns/step");
        r.put("vm_heavy_jit_ns", heavyJit, "ns/step");
        r.put("vm_heavy_cam_ns", heavyCam, "ns/step");
        r.put("vm_heavy_reference_ns", heavyRef, "ns/step");
        r.put("vm_heavy_ratio_vs_java", heavyJit / heavyJava, "×", Results.atMost(5));
        r.put("vm_heavy_cam_ratio_vs_java", heavyCam / heavyJava, "×");
        r.put("vm_heavy_speedup_vs_reference", heavyRef / heavyJit, "×", Results.atLeast(5));
        r.put("vm_heavy_jit_speedup_vs_cam", heavyCam / heavyJit, "×");
        r.put("vm_fold_jit_step_ns", score(jmh, "foldJit"), "ns/step");
        r.put("vm_fold_cam_step_ns", score(jmh, "foldCam"), "ns/step");
        r.put("vm_fold_ns_per_element", score(jmh, "foldJit") / VmBench.Fold.ELEMENTS, "ns", Results.atMost(10));
        r.put("vm_fold_cam_ns_per_element", score(jmh, "foldCam") / VmBench.Fold.ELEMENTS, "ns");
    }

    /** JMH's score of {@code VmBench.<name>}, or NaN. */
    private static double score(String json, String name) {
        Matcher m = Pattern.compile("\"benchmark\"\\s*:\\s*\"hotsm\\.bench\\.VmBench\\." + name
                + "\".*?\"primaryMetric\"\\s*:\\s*\\{\\s*\"score\"\\s*:\\s*([-0-9.eE+]+|\"NaN\")", Pattern.DOTALL)
                .matcher(json);
        return m.find() && !m.group(1).contains("NaN") ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    private static void upgradeGaps(Results r) throws Exception {
        String[] f = inFreshJvm(UpgradeGap.class, List.of());
        if (f == null) {
            r.missing("upgrade_gap_first_us", "µs", Results.atMost(200), "the measuring JVM failed");
            r.missing("upgrade_gap_warm_us", "µs", Results.atMost(50), "the measuring JVM failed");
            return;
        }
        r.put("upgrade_gap_first_us", Double.parseDouble(f[0]), "µs", Results.atMost(200));
        r.put("upgrade_gap_warm_us", Double.parseDouble(f[1]), "µs", Results.atMost(50));
    }

    /**
     * Run {@code main}'s class in a JVM of its own (this JVM's java and class path, {@code options}
     * before the class), its errors to ours; the words it prints, or null if it failed or printed none.
     */
    private static String[] inFreshJvm(Class<?> main, List<String> options) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new java.util.ArrayList<>(List.of(java, "-Dhotsm.root=" + Machines.root()));
        command.addAll(options);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes()).trim();
        return p.waitFor() != 0 || out.isEmpty() ? null : out.split("\\s+");
    }

    private static void cli(Results r, Machines.Compiled counter) throws Exception {
        r.put("cli_check_wall_s", Cli.wall(Cli.bin("smc", "check", "samples/counter/Counter1.sm"), null, 5), "s",
                Results.atMost(0.15));
        try (hotsm.vm.node.Node node = hotsm.vm.node.Node.start(counter.artifact(), hotsm.vm.node.NodeOptions.defaults());
             hotsm.vm.protocol.NodeServer server = hotsm.vm.protocol.NodeServer.start(node,
                     java.net.InetAddress.getLoopbackAddress(), 0)) {
            String address = server.hostPort();
            r.put("send_1_wall_s", Cli.wall(Cli.bin("sm", "send", address, "Incr"), null, 5), "s", Results.atMost(0.15));
            Path inputs = Cli.lines("Incr", 100_000);
            try {
                r.put("send_100k_wall_s", Cli.wall(Cli.bin("sm", "send", address, "-"), inputs, 2), "s",
                        Results.atMost(1.0));
            } catch (java.io.IOException e) {
                r.missing("send_100k_wall_s", "s", Results.atMost(1.0), e.getMessage());
            }
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return "unknown";
        }
    }

    private static void progress(String what) {
        System.err.println("bench: " + what + " ...");
    }

}
