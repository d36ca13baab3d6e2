package hotsm.cli.sm;

import hotsm.cli.CliError;
import hotsm.cli.MachineFiles;
import hotsm.cli.MachineOption;
import hotsm.cli.Sm;
import hotsm.cluster.ClusterOptions;
import hotsm.cluster.ClusterSpec;
import hotsm.cluster.Member;
import hotsm.vm.bytecode.ArtifactCodec;
import hotsm.vm.node.NodeOptions;
import hotsm.vm.protocol.NodeServer;
import hotsm.vm.protocol.Wire;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * {@code sm node [FILE] --cluster ID=HOST:PORT,... --id ID --data-dir DIR}: one
 * member of a replicated group (docs/cluster.md). Prints {@code listening on
 * HOST:PORT} (its client port, as a single node does), then one line naming
 * the member and its group, then what the group tells it.
 */
final class ClusterNode {
    private ClusterNode() {}

    static int run(NodeCommand c, InetAddress address, NodeOptions nodeOptions, Runnable closeTracer)
            throws InterruptedException {
        Sm sm = c.sm;
        if (c.id == null) throw CliError.usage("--cluster needs --id (which member this is)");
        if (c.dataDir == null) throw CliError.usage("--cluster needs --data-dir (where this member keeps its log)");
        ClusterSpec spec;
        ClusterOptions options;
        try {
            spec = ClusterSpec.parse(c.cluster, c.id);
            options = new ClusterOptions(Duration.ofMillis(c.electionTimeoutMs), Duration.ofMillis(c.commitTimeoutMs),
                    c.snapshotEvery, c.segmentBytes);
        } catch (IllegalArgumentException e) {
            throw CliError.usage(e.getMessage());
        }
        Optional<byte[]> artifact = Optional.empty();
        if (c.file != null) {
            artifact = Optional.of(ArtifactCodec.encode(MachineFiles.load(c.file, c.machine.name(), c.includes.get(),
                    null, MachineOption.HOW_TO_PICK).artifact()));
        } else if (isEmpty(c.dataDir)) {
            throw CliError.usage("FILE is needed to start a member on a fresh --data-dir " + c.dataDir);
        }
        try {
            Files.createDirectories(c.dataDir);
        } catch (IOException e) {
            throw CliError.user("cannot create --data-dir " + c.dataDir + ": " + e.getMessage());
        }
        // Ratis logs through SLF4J (simple logger, standard error): its errors only, unless the user
        // sets these properties (-Dorg.slf4j.simpleLogger.log.org.apache.ratis=info). Its client's
        // errors are the member's to report: they reach the client as refusals.
        quiet("org.slf4j.simpleLogger.log.org.apache.ratis", "error");
        quiet("org.slf4j.simpleLogger.log.org.apache.ratis.client", "off");
        quiet("org.slf4j.simpleLogger.log.org.apache.ratis.grpc.client", "off");
        Lines out = new Lines(sm.out());
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicInteger exit = new AtomicInteger(Sm.OK);
        Member.Events events = new Member.Events() {
            @Override public void started(String message) { out.say("group: " + message); }

            @Override public void initRefused(String message) {
                synchronized (sm.err()) {
                    sm.err().println("sm: " + message);
                    sm.err().flush();
                }
                exit.set(Sm.USER_ERROR);
                stopped.countDown();
            }

            @Override public void snapshotLoaded(long term, long index, boolean installed) {
                out.say((installed ? "caught up from the leader's snapshot" : "resumed from the snapshot")
                        + " at log index " + index + " (term " + term + ")");
            }
        };
        Member member;
        try {
            member = Member.start(spec, c.dataDir, artifact, nodeOptions, options, events);
        } catch (IOException | RuntimeException e) {
            throw CliError.user("cannot start member " + spec.self() + " on " + spec.selfAddress() + ": "
                    + e.getMessage());
        }
        NodeServer server;
        try {
            server = NodeServer.bind(member, address, c.port, c.budgets.limits(), c.security());
        } catch (IOException e) {
            member.close();
            throw CliError.user("cannot listen on " + c.bind + ":" + c.port + ": " + e.getMessage());
        }
        member.clientAddress(server.hostPort());
        Thread hook = new Thread(() -> {
            server.close();
            member.close();
            closeTracer.run();
            stopped.countDown();
        }, "hotsm-member-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        out.announce("listening on " + server.hostPort(), "member " + spec.self() + " of " + spec.text()
                + " (raft " + spec.selfAddress() + ", data " + c.dataDir + ")");
        server.serve();
        stopped.await();
        if (exit.get() != Sm.OK) {
            server.close();
            member.close();
            throw CliError.reported();
        }
        return Sm.OK;
    }

    /** Standard output, where what the group says waits until the address and member lines are out. */
    private static final class Lines {
        private final PrintWriter out;
        private final java.util.List<String> held = new java.util.ArrayList<>();
        private boolean announced;

        Lines(PrintWriter out) { this.out = out; }

        synchronized void say(String line) {
            if (announced) print(line); else held.add(line);
        }

        /** The first lines, then whatever was held. */
        synchronized void announce(String... first) {
            announced = true;
            for (String line : first) print(line);
            held.forEach(this::print);
            held.clear();
        }

        private void print(String line) {
            synchronized (out) {
                out.println(line);
                out.flush();
            }
        }
    }

    private static void quiet(String property, String level) {
        if (System.getProperty(property) == null) System.setProperty(property, level);
    }

    private static boolean isEmpty(Path dir) {
        if (!Files.isDirectory(dir)) return true;
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            return true;
        }
    }
}
