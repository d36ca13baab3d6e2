package hotsm.transcripts;

import hotsm.cli.Sm;
import hotsm.cli.Smc;
import hotsm.compiler.Compilation;
import hotsm.compiler.Compiler;
import hotsm.compiler.codegen.ArtifactBuilder;
import hotsm.compiler.ir.MachineIr;
import hotsm.vm.node.Node;
import hotsm.vm.node.NodeOptions;
import hotsm.vm.node.StepTrace;
import hotsm.vm.protocol.NodeServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs {@code smc} and {@code sm} command lines in process, as a transcript
 * or a listing in docs/ shows them ({@code $ bin/smc run samples/...}), from
 * the repository root: words are split as a shell would (single and double
 * quotes), a word naming a file under the root is given as that file, and the
 * root is taken out of what the command prints, so the output reads as if it
 * ran in the root.
 * <p>
 * {@code sm node FILE [--machine NAME] [--port P]} does not block: it starts
 * an in-process {@link Node} with its server on an ephemeral loopback port and
 * prints {@code listening on 127.0.0.1:P} (P as asked, 7070 by default); the
 * address printed stands for the real one in later commands and their
 * output. A path written after {@code -o} goes to a scratch folder of the shell
 * (and reads, in later arguments and output, as written). What a node started
 * with {@code --trace} traces is kept for {@link #takeTrace()}. {@link #close()}
 * stops every node started and deletes the scratch folder.
 */
public final class Shell implements AutoCloseable {

    /** What one command did. */
    public record Run(int status, String out, String err) {}

    private final Path root;
    /** Where files the commands write go ({@code -o build}, {@code build/X.cam}): a fresh folder per shell. */
    private Path scratch;
    /** Address shown (127.0.0.1:7070) -> real loopback address. */
    private final Map<String, String> addresses = new LinkedHashMap<>();
    private final List<AutoCloseable> started = new ArrayList<>();
    /**
     * What the nodes started with {@code --trace} traced and no listing has shown yet. The node
     * tells its listener on the machine thread before a step's reply is sent, so once a command
     * has its answer, its lines are here.
     */
    private final List<String> traced = java.util.Collections.synchronizedList(new ArrayList<>());

    public Shell(Path root) { this.root = root.toAbsolutePath().normalize(); }

    /** The repository root of the test run. */
    public static Path root() { return Path.of(System.getProperty("hotsm.root", "..")).toAbsolutePath().normalize(); }

    /** Runs one command line ({@code smc ...}, {@code sm ...}, also as {@code bin/smc ...}). */
    public Run run(String commandLine) {
        return run(commandLine, "");
    }

    /** The same with {@code stdin} as standard input. */
    public Run run(String commandLine, String stdin) {
        List<String> words = new ArrayList<>(words(commandLine));
        // A node started in the background ('sm node FILE &') starts here all the same.
        if (!words.isEmpty() && words.get(words.size() - 1).equals("&")) words.remove(words.size() - 1);
        if (words.isEmpty()) throw new IllegalArgumentException("an empty command line");
        String program = words.get(0).replaceFirst("^bin/", "");
        List<String> args = new ArrayList<>();
        for (int i = 1; i < words.size(); i++) {
            boolean output = i > 1 && (words.get(i - 1).equals("-o") || words.get(i - 1).equals("--output"));
            args.add(output ? scratch(words.get(i)) : argument(words.get(i)));
        }
        if (program.equals("sm") && !args.isEmpty() && args.get(0).equals("node")) return startNode(args);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        PrintWriter o = new PrintWriter(out, true);
        PrintWriter e = new PrintWriter(err, true);
        ByteArrayInputStream in = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
        String[] a = args.toArray(String[]::new);
        int status = switch (program) {
            case "smc" -> Smc.execute(a, in, o, e);
            case "sm" -> Sm.execute(a, in, o, e);
            default -> throw new IllegalArgumentException("not an smc or sm command: " + commandLine);
        };
        return new Run(status, shown(out.toString()), shown(err.toString()));
    }

    private String argument(String word) {
        String real = addresses.get(word);
        if (real != null) return real;
        if (!word.startsWith("-") && !word.isEmpty() && Files.exists(root.resolve(word))) return root.resolve(word).toString();
        if (scratch != null && !word.startsWith("-") && Files.exists(scratch.resolve(word))) return scratch.resolve(word).toString();
        return word;
    }

    /** A path the command writes, in this shell's scratch folder. */
    private String scratch(String word) {
        try {
            if (scratch == null) scratch = Files.createTempDirectory("hotsm-shell").toRealPath();
            return scratch.resolve(word).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file a command of this shell wrote ({@code build/Counter1.counter.cam}), or null. */
    public Path written(String word) {
        return scratch == null || !Files.exists(scratch.resolve(word)) ? null : scratch.resolve(word);
    }

    /** The real address {@code shown} (127.0.0.1:7070) stands for, or {@code shown} itself. */
    public String real(String shown) { return addresses.getOrDefault(shown, shown); }

    /** Output as if run in the root, with the addresses shown. */
    public String shown(String text) {
        String s = text.replace("\r\n", "\n");
        if (scratch != null) s = s.replace(scratch + java.io.File.separator, "").replace(scratch.toString(), ".");
        s = s.replace(root + java.io.File.separator, "").replace(root.toString(), ".");
        for (Map.Entry<String, String> a : addresses.entrySet()) s = s.replace(a.getValue(), a.getKey());
        return s;
    }

    private Run startNode(List<String> args) {
        String file = null;
        String machine = null;
        String port = "7070";
        boolean trace = false;
        for (int i = 1; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--machine", "-m" -> machine = args.get(++i);
                case "--port", "-p" -> port = args.get(++i);
                case "--trace" -> trace = true;
                default -> {
                    if (a.startsWith("-")) throw new IllegalArgumentException("a transcript's sm node takes FILE, --machine, --port, --trace: " + a);
                    file = a;
                }
            }
        }
        try {
            Compilation c = new Compiler(List.of()).compile(List.of(Path.of(file)));
            if (!c.ok()) throw new IllegalArgumentException(file + " does not compile: " + c.diagnostics());
            MachineIr m = machine == null ? c.machines().get(0) : c.machine(machine).orElseThrow();
            NodeOptions options = trace ? NodeOptions.defaults().withListener(StepTrace.to(traced::add)) : NodeOptions.defaults();
            Node node = Node.start(ArtifactBuilder.build(m), options);
            NodeServer server = NodeServer.start(node, InetAddress.getLoopbackAddress(), 0);
            started.add(server);
            started.add(node);
            String shown = "127.0.0.1:" + port;
            addresses.put(shown, server.hostPort());
            return new Run(0, "listening on " + shown + "\n", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lines the nodes started with {@code --trace} printed since the last call, as {@code sm node --trace} prints them. */
    public String takeTrace() {
        synchronized (traced) {
            StringBuilder out = new StringBuilder();
            for (String line : traced) out.append(line).append('\n');
            traced.clear();
            return shown(out.toString());
        }
    }

    /** Splits a command line into words as a POSIX shell does for quotes (no variables, no globs). */
    static List<String> words(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder w = null;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
                else if (quote == '"' && c == '\\' && i + 1 < line.length() && "\"\\$`".indexOf(line.charAt(i + 1)) >= 0) w.append(line.charAt(++i));
                else w.append(c);
            } else if (c == '\'' || c == '"') {
                if (w == null) w = new StringBuilder();
                quote = c;
            } else if (c == '#' && w == null) {
                break;
            } else if (Character.isWhitespace(c)) {
                if (w != null) out.add(w.toString());
                w = null;
            } else {
                if (w == null) w = new StringBuilder();
                w.append(c);
            }
        }
        if (quote != 0) throw new IllegalArgumentException("unclosed quote in: " + line);
        if (w != null) out.add(w.toString());
        return out;
    }

    @Override public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        started.clear();
        addresses.clear();
        if (scratch != null) {
            try (java.util.stream.Stream<Path> files = Files.walk(scratch)) {
                for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            scratch = null;
        }
    }
}
