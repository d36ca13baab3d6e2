package hotsm.cli;

import static hotsm.vm.node.CounterArtifacts.counter1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import hotsm.vm.node.Node;
import hotsm.vm.node.NodeOptions;
import hotsm.vm.protocol.NodeServer;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code smc check FILE...} and {@code sm send HOST:PORT [VALUE...|-]} without
 * options run without picocli, and print and exit exactly as through picocli;
 * any other command line goes to picocli.
 */
class PlainCommandLineTest {

    /** What one run printed and returned. */
    private record Run(int status, String out, String err) {}

    @Test
    void plainCheckRunsWithoutPicocliAndReadsTheSame() {
        String counter1 = SmcHarness.sample("counter/Counter1.sm");
        List<String[]> lines = List.of(
                new String[] {"check", counter1},
                new String[] {"check", counter1, SmcHarness.sample("counter/Counter2.sm"), counter1},
                new String[] {"check", SmcHarness.resource("Broken.sm")},
                new String[] {"check", SmcHarness.resource("Walker.sm")},
                new String[] {"check", "no/such/File.sm"},
                new String[] {"check", SmcHarness.sample("counter")},
                new String[] {"check", counter1, "no/such/File.sm"});
        for (String[] args : lines) {
            assertNotNull(PlainCommandLine.smc(new Smc(), args), String.join(" ", args));
            assertEquals(smc(args, Smc::execute), smc(args, Smc::parseAndExecute), String.join(" ", args));
        }
    }

    @Test
    void plainSendRunsWithoutPicocliAndReadsTheSame() throws Exception {
        List<List<String>> lines = List.of(
                List.of("send", "ADDRESS", "Incr", "Incr", "Count"),
                List.of("send", "ADDRESS", "Incr", "Nope", "Count 1", "Count"),
                List.of("send", "ADDRESS", "-"),
                List.of("send", "ADDRESS"),
                List.of("send", "no-port", "Incr"),
                List.of("send", "127.0.0.1:1", "Incr"));
        for (List<String> line : lines) {
            String[] args = line.toArray(String[]::new);
            assertNotNull(PlainCommandLine.sm(new Sm(), args), line.toString());
            assertEquals(sendToFreshNode(args, Sm::execute), sendToFreshNode(args, Sm::parseAndExecute),
                    line.toString());
        }
    }

    @Test
    void optionsHelpAndOddWordsGoToPicocli() {
        for (String[] args : List.of(new String[] {"check"}, new String[] {"check", "--help"},
                new String[] {"check", "-I", "lib", "A.sm"}, new String[] {"check", "A.sm", "--debug"},
                new String[] {"check", "@args"}, new String[] {"check", ""}, new String[] {"check", "A\0.sm"},
                new String[] {"compile", "A.sm"}, new String[] {"--debug", "check", "A.sm"})) {
            assertNull(PlainCommandLine.smc(new Smc(), args), String.join(" ", args));
        }
        for (String[] args : List.of(new String[] {"send"}, new String[] {"send", "-"},
                new String[] {"send", "h:1", "--as", "0c0749b2", "Incr"}, new String[] {"send", "h:1", "-1"},
                new String[] {"send", "--timeout", "1", "h:1"}, new String[] {"info", "h:1"},
                new String[] {"send", "h:1", "@values"})) {
            assertNull(PlainCommandLine.sm(new Sm(), args), String.join(" ", args));
        }
    }

    /** {@code smc} or {@code sm}: {@code execute}, or {@code parseAndExecute} (always through picocli). */
    private interface Tool {
        int run(String[] args, InputStream in, PrintWriter out, PrintWriter err);
    }

    private static Run smc(String[] args, Tool how) {
        return capture(InputStream.nullInputStream(), (in, out, err) -> how.run(args, in, out, err));
    }

    /** A run against a node of its own (Counter1 from zero), standard input three lines. */
    private static Run sendToFreshNode(String[] args, Tool how) throws Exception {
        try (Node node = Node.start(counter1(), NodeOptions.defaults());
             NodeServer server = NodeServer.start(node, InetAddress.getLoopbackAddress(), 0)) {
            String[] withAddress = args.clone();
            if (withAddress[1].equals("ADDRESS")) withAddress[1] = server.hostPort();
            InputStream stdin = new ByteArrayInputStream("Incr\n\nCount\n".getBytes(StandardCharsets.UTF_8));
            Run run = capture(stdin, (in, out, err) -> how.run(withAddress, in, out, err));
            return new Run(run.status(), run.out(), run.err().replace(server.hostPort(), "ADDRESS"));
        }
    }

    private interface Body {
        int run(InputStream in, PrintWriter out, PrintWriter err);
    }

    private static Run capture(InputStream in, Body body) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = body.run(in, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(status, out.toString(), err.toString());
    }
}
