package hotsm.cli.sm;

import hotsm.cluster.GroupClient;
import hotsm.cluster.GroupView;
import hotsm.cluster.MemberStatus;
import hotsm.vm.protocol.HostPort;
import hotsm.vm.protocol.NodeClient;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * {@code sm node --cluster ...} in its own JVM: one member of a test group,
 * restartable on the same data directory, stoppable with SIGTERM or SIGKILL
 * ({@link Process#destroyForcibly()}). Waits are generous upper bounds for a
 * loaded machine, not timing assertions.
 */
final class MemberProcess implements AutoCloseable {
    static final long WAIT_SECONDS = 90;

    final String id;
    private final List<String> args;
    private Process process;
    private final StringBuilder output = new StringBuilder();
    private BlockingQueue<String> lines;
    /** This run's client address. */
    String address;

    private MemberProcess(String id, List<String> args) {
        this.id = id;
        this.args = args;
    }

    /** Start {@code sm node args... --port 0}, and wait for its address. */
    static MemberProcess start(String id, List<String> args) throws IOException, InterruptedException {
        MemberProcess m = new MemberProcess(id, List.copyOf(args));
        m.restart();
        return m;
    }

    /** Start again with the same arguments (and so the same data directory). */
    void restart() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx192m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss8m",
                "-cp", System.getProperty("java.class.path"),
                "-Dhotsm.root=" + System.getProperty("hotsm.root", ""),
                "-Dhotsm.cookie=" + hotsm.vm.protocol.Cookie.defaultFile(),
                "hotsm.cli.Sm", "node"));
        command.addAll(args);
        command.addAll(List.of("--port", "0", "--no-trace"));
        process = new ProcessBuilder(command).redirectErrorStream(true).start();
        BlockingQueue<String> q = new LinkedBlockingQueue<>();
        lines = q;
        Process p = process;
        Thread pump = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    synchronized (output) { output.append(id).append(": ").append(line).append('\n'); }
                    q.add(line);
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, "member-" + id + "-output");
        pump.setDaemon(true);
        pump.start();
        String first = q.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        if (first == null || !first.startsWith("listening on ")) {
            process.destroyForcibly().waitFor();
            throw new IOException("member " + id + " did not start: " + first + "\n" + output());
        }
        address = first.substring("listening on ".length());
    }

    /** Everything it printed (standard output and error), over all its runs. */
    String output() {
        synchronized (output) { return output.toString(); }
    }

    boolean alive() { return process.isAlive(); }

    /** kill -9. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** SIGTERM, and wait for the shutdown hook. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
    }

    /** What this member says about itself, or null if it cannot be asked. */
    MemberStatus status() {
        if (!alive()) return null;
        try (NodeClient c = NodeClient.connect(HostPort.parse(address))) {
            return GroupClient.view(c).map(GroupView::self).orElse(null);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The group as this member sees it, or null. */
    GroupView group() {
        if (!alive()) return null;
        try (NodeClient c = NodeClient.connect(HostPort.parse(address))) {
            return GroupClient.view(c).orElse(null);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    @Override public void close() throws InterruptedException {
        if (process != null && process.isAlive()) process.destroyForcibly().waitFor();
    }
}
