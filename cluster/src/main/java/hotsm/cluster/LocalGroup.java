package hotsm.cluster;

import hotsm.vm.node.NodeOptions;
import hotsm.vm.protocol.NodeServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.ratis.util.ExitUtils;

/**
 * A whole group in one process, on loopback: {@code n} members, each with its
 * Ratis server and its protocol server on free ports, data in
 * {@code dir/ID}. For tests and benchmarks (steps/s and upgrade latency of a
 * three-member group beside a single node); {@code sm node --cluster} runs
 * one member per process.
 */
public final class LocalGroup implements AutoCloseable {

    private final ClusterSpec spec;
    private final Path dir;
    private final byte[] artifact;
    private final NodeOptions nodeOptions;
    private final ClusterOptions options;
    private final Function<String, Member.Events> events;
    private final Member[] members;
    private final NodeServer[] servers;

    private LocalGroup(ClusterSpec spec, Path dir, byte[] artifact, NodeOptions nodeOptions, ClusterOptions options,
                       Function<String, Member.Events> events) {
        this.spec = spec;
        this.dir = dir;
        this.artifact = artifact;
        this.nodeOptions = nodeOptions;
        this.options = options;
        this.events = events;
        this.members = new Member[spec.peers().size()];
        this.servers = new NodeServer[spec.peers().size()];
    }

    /** How many sets of free ports {@link #start} tries before giving up. */
    private static final int ATTEMPTS = 3;

    /**
     * Start members {@code m1..mN} from an artifact's bytes; returns once every
     * member's client port is open (the group may still be electing its leader).
     *
     * <p>The members' Raft ports are chosen free, then closed and bound by
     * Ratis, so another process may take one in between. Ratis answers a port
     * it cannot bind by exiting the JVM ({@code ExitUtils.terminate}); a
     * group in one process (tests, benchmarks) turns that off, and starts
     * again on new ports (and fresh member directories) up to {@value #ATTEMPTS} times.
     *
     * @param events what each member (by id) tells its operator
     */
    public static LocalGroup start(int n, Path dir, byte[] artifact, NodeOptions nodeOptions, ClusterOptions options,
                                   Function<String, Member.Events> events) throws IOException {
        return start(n, dir, artifact, nodeOptions, options, events, LocalGroup::freePorts);
    }

    /** Which ports to try: {@code n} of them, for attempt {@code attempt} (tests take one first). */
    @FunctionalInterface
    interface Ports {
        List<Integer> pick(int n, int attempt) throws IOException;
    }

    static LocalGroup start(int n, Path dir, byte[] artifact, NodeOptions nodeOptions, ClusterOptions options,
                            Function<String, Member.Events> events, Ports free) throws IOException {
        ExitUtils.disableSystemExit();
        for (int attempt = 1; ; attempt++) {
            List<Integer> ports = free.pick(n, attempt);
            StringBuilder cluster = new StringBuilder();
            for (int i = 0; i < n; i++) {
                cluster.append(i == 0 ? "" : ",").append("m").append(i + 1).append("=127.0.0.1:").append(ports.get(i));
            }
            LocalGroup g = new LocalGroup(ClusterSpec.parse(cluster.toString(), "m1"), dir, artifact, nodeOptions,
                    options, events);
            try {
                for (int i = 0; i < n; i++) g.startMember(i);
                return g;
            } catch (IOException | RuntimeException e) {
                g.close();
                if (attempt == ATTEMPTS || !portTaken(e)) throw e;
                ExitUtils.clear();
                for (String id : g.ids()) deleteTree(dir.resolve(id));   // formed with the ports just abandoned
            }
        }
    }

    /** Whether a member failed to start because its Raft port was taken (Ratis's exit, or a bind error). */
    private static boolean portTaken(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ExitUtils.ExitException || t instanceof java.net.BindException) return true;
        }
        return false;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    /** Member ids in order: {@code m1, m2, ...}. */
    public List<String> ids() { return List.copyOf(spec.peers().keySet()); }

    /** The client address ({@code HOST:PORT}) of member {@code i} (0-based), or null while it is stopped. */
    public String clientAddress(int i) {
        return servers[i] == null ? null : servers[i].hostPort();
    }

    public ClusterSpec spec() { return spec; }

    /** Stop member {@code i} (its process would have ended; its data directory stays). */
    public void stopMember(int i) {
        if (servers[i] != null) servers[i].close();
        if (members[i] != null) members[i].close();
        servers[i] = null;
        members[i] = null;
    }

    /** Start member {@code i} again on its data directory (a new client port). */
    public void startMember(int i) throws IOException {
        String id = ids().get(i);
        ClusterSpec self = new ClusterSpec(spec.peers(), id);
        Member m = Member.start(self, dir.resolve(id), Optional.of(artifact), nodeOptions, options,
                events.apply(id));
        NodeServer s;
        try {
            s = NodeServer.start(m, InetAddress.getLoopbackAddress(), 0);
        } catch (IOException e) {
            m.close();
            throw e;
        }
        m.clientAddress(s.hostPort());
        members[i] = m;
        servers[i] = s;
    }

    /** Member {@code i}'s service (what its protocol server serves), or null while it is stopped. */
    public Member member(int i) { return members[i]; }

    private static List<Integer> freePorts(int n, int attempt) throws IOException { return freePorts(n); }

    /**
     * {@code n} distinct loopback ports free right now (held together while chosen, then
     * closed): for a group's Raft ports, here and in tests that start members as processes.
     */
    public static List<Integer> freePorts(int n) throws IOException {
        List<ServerSocket> held = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) held.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
            return held.stream().map(ServerSocket::getLocalPort).toList();
        } finally {
            for (ServerSocket s : held) s.close();
        }
    }

    @Override
    public void close() {
        for (int i = 0; i < members.length; i++) stopMember(i);
    }
}
