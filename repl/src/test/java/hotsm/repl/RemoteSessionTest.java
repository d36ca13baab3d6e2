package hotsm.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hotsm.vm.node.Node;
import hotsm.vm.node.NodeOptions;
import hotsm.vm.protocol.NodeServer;
import hotsm.vm.bytecode.ArtifactCodec;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.nio.file.Files;
import java.util.ArrayList;
import org.jline.reader.Candidate;
import org.jline.reader.Parser.ParseContext;
import org.jline.reader.impl.DefaultParser;
import org.junit.jupiter.api.io.TempDir;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Scripted sessions against a real node on an ephemeral loopback port, checked line by line. */
class RemoteSessionTest {
    private Node node;
    private NodeServer server;
    private String connect;

    @BeforeEach void startNode() throws Exception {
        LoadedProgram counter1 = LoadedProgram.compile(Sessions.root().resolve(Path.of("samples", "counter", "Counter1.sm")));
        node = Node.start(counter1.artifact("Counter1.counter"), NodeOptions.defaults());
        server = NodeServer.start(node, InetAddress.getLoopbackAddress(), 0);
        connect = ":connect " + server.hostPort();
    }

    @AfterEach void stopNode() {
        server.close();
        node.close();
    }

    @Test void theSeedSessionUpgradesTheNodeLive() {
        List<String> out = Sessions.run(connect,
                "Incr", "Incr", "Count",
                ":upgrade samples/counter/Counter2.sm",
                "Incr", "Incr", "Count", ":state",
                ":upgrade samples/counter/Counter2.sm",
                ":downgrade", "Count",
                ":upgrade samples/counter/Counter2.sm",
                ":upgrade samples/counter/Counter3.sm",
                "Toggle", "Incr3", "Count3", ":state");
        assertTrue(out.get(0).matches("Connected to 127\\.0\\.0\\.1:\\d+: Counter1\\.counter [0-9a-f]{8} : Input -> Output"), out.get(0));
        assertEquals(List.of(
                "Ok", "Ok", "Total 2",
                "Upgrade successful!",
                "Ok", "Ok", "Total 4", "(2, 4)",
                "The version running isn't the one the upgrade expects. Aborting upgrade.",
                "The node already runs Counter2.counter 0c0749b2, the machine this artifact installs;"
                        + " its upgrade section is from Counter1.counter dd23c603.",
                "Downgrade successful!", "Total 4",
                "Upgrade successful!",
                "Upgrade successful!",
                "Done", "Done", "Total3 3",
                "(3, True)"),
                out.subList(1, out.size()));
    }

    @Test void thePromptAndCompletionFollowTheNodesMachine() {
        List<String> out = Sessions.run(true, connect, ":upgrade samples/counter/Counter2.sm", ":upgrade Counter3", "Count3");
        assertTrue(out.get(2).startsWith("Counter1.counter@node> :upgrade"), out.toString());
        assertTrue(out.get(4).startsWith("Counter2.counter@node> :upgrade Counter3"), out.toString());
        assertEquals("Counter3.counter@node> Count3", out.get(6));
        assertEquals("Total3 0", out.get(7));
    }

    @Test void constructorsCompleteFromTheNodesInfoAndFollowUpgrades() {
        StringWriter text = new StringWriter();
        try (ReplSession session = new ReplSession(new PrintWriter(text, true), Sessions.root())) {
            ReplCompleter completer = new ReplCompleter(session);
            session.handle(connect);
            assertEquals(List.of("Count"), complete(completer, "Co"));
            session.handle(":upgrade samples/counter/Counter2.sm");
            session.handle(":upgrade samples/counter/Counter3.sm");
            assertEquals(List.of("Count3"), complete(completer, "Co"));
            assertEquals(List.of("Reset", "Toggle", "Incr3", "Count3"), complete(completer, ""));
        }
        assertEquals(3, text.toString().lines().count(), text.toString());
    }

    private static List<String> complete(ReplCompleter completer, String line) {
        DefaultParser parser = new DefaultParser();
        List<Candidate> candidates = new ArrayList<>();
        completer.complete(null, parser.parse(line, line.length(), ParseContext.COMPLETE), candidates);
        return candidates.stream().map(Candidate::value).toList();
    }

    @Test void anArtifactFileUpgradesTheNodeToo(@TempDir Path dir) throws Exception {
        LoadedProgram counter2 = LoadedProgram.compile(Sessions.root().resolve(Path.of("samples", "counter", "Counter2.sm")));
        Path cam = dir.resolve("Counter2.counter.cam");
        Files.write(cam, ArtifactCodec.encode(counter2.artifact("Counter2.counter")));
        Path junk = Files.write(dir.resolve("junk.cam"), new byte[] {1, 2, 3});
        List<String> out = Sessions.run(connect, "Incr", ":upgrade " + junk, ":upgrade " + cam, "Count");
        assertEquals("Ok", out.get(1));
        assertTrue(out.get(2).startsWith("error: " + junk + " is not a valid artifact: "), out.get(2));
        assertEquals(List.of("Upgrade successful!", "Total 1"), out.subList(3, 5));
    }

    @Test void stepFeedsAValueOrAComputedOneToTheNode() {
        List<String> out = Sessions.run(connect, ":step Incr", ":load samples/counter/Counter1.sm",
                ":step if 2 > 1 then Incr else Count", ":step Count");
        assertEquals("Ok", out.get(1));
        assertEquals(List.of("Ok", "Total 2"), out.subList(out.size() - 2, out.size()), out.toString());
    }

    @Test void anUpgradeBySomeoneElseDoesNotMakeTypedValuesMeanSomethingElse() {
        StringWriter text = new StringWriter();
        try (ReplSession watcher = new ReplSession(new PrintWriter(text, true), Sessions.root())) {
            watcher.handle(connect);
            // Another client moves the node to Counter3, whose first input is Reset.
            Sessions.run(connect, "Incr", ":upgrade samples/counter/Counter2.sm", ":upgrade samples/counter/Counter3.sm");
            // Read as Counter1's Incr, served through Counter3's adapters: Ok, not Done.
            watcher.handle("Incr");
            // Announced before the next prompt, which then follows Counter3 (issue #13).
            watcher.handle("Count3");
        }
        List<String> out = text.toString().lines().toList();
        assertEquals("Ok", out.get(1), out.toString());
        assertTrue(out.get(2).matches("The node now runs Counter3\\.counter [0-9a-f]{8} \\(was Counter1\\.counter [0-9a-f]{8}\\), "
                + "changed by another client\\."), out.toString());
        assertEquals(List.of("Total3 2"), out.subList(3, out.size()), out.toString());
    }

    @Test void aNodeThatGoesAwayIsOneLineAndTheSessionGoesOn() {
        StringWriter text = new StringWriter();
        try (ReplSession session = new ReplSession(new PrintWriter(text, true), Sessions.root())) {
            session.handle(connect);
            server.close();
            node.close();
            session.handle("Incr");
            session.handle(":disconnect");
            session.handle("1 + 2");
        }
        List<String> out = text.toString().lines().toList();
        assertEquals(4, out.size(), out.toString());
        assertTrue(out.get(1).startsWith("error: "), out.toString());
        assertTrue(out.get(2).startsWith("Disconnected from "), out.toString());
        assertEquals("3 : Int", out.get(3));
    }

    @Test void aValueOfTheWrongTypeIsRefusedBeforeItIsSent() {
        List<String> out = Sessions.run(connect, "Incr3", ":state");
        assertEquals(List.of("  Incr3", "  ^"), out.subList(1, 3));
        assertTrue(out.get(3).startsWith("error: ") && out.get(3).contains("Input"), out.get(3));
        assertEquals("0", out.get(4));
    }

    @Test void infoHistoryAndDisconnect() {
        List<String> out = Sessions.run(connect, ":upgrade samples/counter/Counter2.sm", ":info", ":history", ":disconnect", "Incr");
        assertTrue(out.contains("machine  Counter2.counter"), out.toString());
        assertTrue(out.contains("input    Input = Incr | Count"), out.toString());
        assertTrue(out.stream().anyMatch(l -> l.contains("Counter1.counter") && l.contains("started")), out.toString());
        assertTrue(out.stream().anyMatch(l -> l.contains("Counter2.counter") && l.contains("upgraded")), out.toString());
        assertTrue(out.stream().anyMatch(l -> l.startsWith("Disconnected from 127.0.0.1:")), out.toString());
        assertTrue(out.get(out.size() - 1).startsWith("error: "), out.toString());
    }

    @Test void aNodeThatIsNotThereIsOneLine() throws Exception {
        int freePort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            freePort = s.getLocalPort();
        }
        List<String> out = Sessions.run(":connect 127.0.0.1:" + freePort);
        assertEquals(1, out.size(), out.toString());
        assertTrue(out.get(0).startsWith("error: cannot connect to 127.0.0.1:"), out.get(0));
    }
}
