package hotsm.cli.sm;

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
 * {@code sm node ...} in its own JVM (it runs until killed), with its standard
 * output read line by line. Waits are generous upper bounds for a loaded
 * machine, not timing assertions.
 */
final class NodeProcess implements AutoCloseable {
    private static final long WAIT_SECONDS = 60;

    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final StringBuilder stderr = new StringBuilder();
    final String address;

    private NodeProcess(Process process) throws IOException, InterruptedException {
        this.process = process;
        Thread out = new Thread(() -> pump(new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8)), lines, null), "node-stdout");
        Thread err = new Thread(() -> pump(new BufferedReader(new InputStreamReader(process.getErrorStream(),
                StandardCharsets.UTF_8)), null, stderr), "node-stderr");
        out.setDaemon(true);
        err.setDaemon(true);
        out.start();
        err.start();
        String first = nextLine();
        if (first == null || !first.startsWith("listening on ")) {
            process.destroyForcibly();
            throw new IOException("sm node did not start: first line " + first + ", stderr: " + stderr());
        }
        address = first.substring("listening on ".length());
    }

    /** Start {@code sm node args...} on a free loopback port. */
    static NodeProcess start(String... args) throws IOException, InterruptedException {
        return startWith(List.of(), args);
    }

    /** The same with options for the JVM ({@code -Dhotsm.failpoint=...}, start-up flags). */
    static NodeProcess startWith(List<String> jvmOptions, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Dhotsm.root=" + System.getProperty("hotsm.root", ""),
                "-Dhotsm.cookie=" + hotsm.vm.protocol.Cookie.defaultFile()));
        command.addAll(jvmOptions);
        command.addAll(List.of("hotsm.cli.Sm", "node"));
        command.addAll(List.of(args));
        command.addAll(List.of("--port", "0"));
        return new NodeProcess(new ProcessBuilder(command).start());
    }

    private static void pump(BufferedReader in, BlockingQueue<String> into, StringBuilder text) {
        try {
            for (String line; (line = in.readLine()) != null; ) {
                if (into != null) into.add(line);
                if (text != null) synchronized (text) { text.append(line).append('\n'); }
            }
        } catch (IOException ignored) {
            // the process ended
        }
    }

    /** The next line of standard output, or null if none comes. */
    String nextLine() throws InterruptedException {
        return lines.poll(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    /** The next {@code n} lines. */
    List<String> nextLines(int n) throws InterruptedException {
        List<String> got = new ArrayList<>();
        for (int i = 0; i < n; i++) got.add(nextLine());
        return got;
    }

    String stderr() {
        synchronized (stderr) { return stderr.toString(); }
    }

    boolean alive() { return process.isAlive(); }

    /** {@code kill -9}: no shutdown hook, no flush; returns once the process is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    /** Wait for the process to end by itself (a failpoint halts it); its exit status. */
    int waitForExit() throws InterruptedException {
        if (!process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the node did not stop; stderr: " + stderr());
        }
        return process.exitValue();
    }

    @Override public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)) process.destroyForcibly();
    }
}
