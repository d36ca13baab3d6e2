package hotsm.repl;

import hotsm.vm.bytecode.Artifact;
import hotsm.vm.node.Node;
import hotsm.vm.node.NodeOptions;
import hotsm.vm.node.StepTrace;
import hotsm.vm.protocol.NodeServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code sm demo}: the seed's session without typing. Starts a node running
 * {@code samples/counter/Counter1.sm} in this process on a free loopback
 * port, then feeds {@code samples/counter/demo.repl} through a REPL session
 * attached to it, echoing each line after its prompt. The node's own trace
 * ({@code Output:}, {@code New state:}, upgrade messages) is interleaved,
 * each line marked {@code [node]}. Exit status 0 when every line went through.
 */
public final class Demo {
    private Demo() {}

    static final String NODE_MARK = "  [node] ";

    /** The repository root: the {@code hotsm.root} system property (bin/sm sets it), else the working directory. */
    static Path root() {
        String root = System.getProperty("hotsm.root");
        return Path.of(root == null || root.isBlank() ? "" : root).toAbsolutePath().normalize();
    }

    public static int run(Path root, PrintWriter out) {
        Path counter1 = root.resolve("samples/counter/Counter1.sm");
        Path script = root.resolve("samples/counter/demo.repl");
        if (!Files.isRegularFile(counter1) || !Files.isRegularFile(script)) {
            out.println("sm demo: cannot find samples/counter/Counter1.sm and demo.repl under " + root
                    + " (run it from the repository, or set -Dhotsm.root)");
            out.flush();
            return 1;
        }
        try {
            return run(counter1, script, out);
        } catch (ReplError e) {
            out.println("sm demo: " + e.getMessage());
            out.flush();
            return 1;
        } catch (Exception e) {
            out.println("sm demo: " + ReplSession.oneLine(e));
            out.flush();
            return 3;
        }
    }

    private static int run(Path counter1, Path script, PrintWriter out) throws Exception {
        Path root = counter1.getParent().getParent().getParent();
        LoadedProgram program = LoadedProgram.compile(counter1);
        Artifact artifact = program.artifact(program.machineNames().get(0));
        try (Node node = Node.start(artifact, NodeOptions.defaults().withListener(trace(out)));
             NodeServer server = NodeServer.start(node, InetAddress.getLoopbackAddress(), 0)) {
            String address = server.hostPort();
            out.println("-- A node runs samples/counter/Counter1.sm on " + address + " (in this process);");
            out.println("-- the REPL below is attached to it. Lines marked [node] are the node's trace.");
            int errors;
            try (ReplSession session = new ReplSession(out, root)) {
                String connect = ":connect " + address;
                out.println(session.prompt() + connect);
                session.promptShown(session.prompt().length());
                session.handle(connect);
                errors = Repl.loop(session, new PlainLines(new BufferedReader(new StringReader(body(script))), out));
            }
            out.println("-- Stopping the node.");
            out.flush();
            return errors == 0 ? 0 : 1;
        }
    }

    /** The script without its opening comment block, which says how to run it by hand. */
    private static String body(Path script) throws IOException {
        List<String> lines = Files.readAllLines(script);
        int start = 0;
        while (start < lines.size() && (lines.get(start).isBlank() || lines.get(start).strip().startsWith("--"))) start++;
        return String.join("\n", lines.subList(start, lines.size()));
    }

    /** Prints what the node does, as {@code sm node --trace} does, each line marked. */
    private static StepTrace trace(PrintWriter out) {
        return StepTrace.to(line -> {
            out.println(NODE_MARK + line);
            out.flush();
        });
    }
}
