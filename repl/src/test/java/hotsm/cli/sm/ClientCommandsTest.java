package hotsm.cli.sm;

import static hotsm.vm.node.CounterArtifacts.*;
import static org.junit.jupiter.api.Assertions.*;

import hotsm.vm.bytecode.Artifact;
import hotsm.vm.bytecode.ArtifactCodec;
import hotsm.vm.node.Node;
import hotsm.vm.node.NodeOptions;
import hotsm.vm.protocol.NodeServer;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client subcommands against a real node on an ephemeral loopback port (hand-built counter artifacts). */
class ClientCommandsTest {

    @TempDir Path dir;
    private Node node;
    private NodeServer server;
    private String address;

    @BeforeEach
    void start() throws Exception {
        node = Node.start(counter1(), NodeOptions.defaults());
        server = NodeServer.start(node, InetAddress.getLoopbackAddress(), 0);
        address = server.hostPort();
    }

    @AfterEach
    void stop() {
        server.close();
        node.close();
    }

    private Path cam(String name, Artifact a) throws IOException {
        return Files.write(dir.resolve(name), ArtifactCodec.encode(a));
    }

    @Test
    void seedSession() throws Exception {
        SmRun send = SmRun.of("send", address, "Incr", "Incr", "Count");
        assertEquals(0, send.status(), send.err());
        assertEquals(List.of("Ok", "Ok", "Total 2"), send.lines());

        SmRun up = SmRun.of("upgrade", address, cam("Counter2.counter.cam", counter2()).toString());
        assertEquals(0, up.status(), up.err());
        assertEquals("Upgrade successful!", up.lines().get(0));
        assertTrue(up.lines().get(1).matches("Counter1\\.counter [0-9a-f]{8} -> Counter2\\.counter [0-9a-f]{8}"),
                up.out());

        assertEquals(List.of("Ok", "Ok", "Total 4"), SmRun.of("send", address, "Incr", "Incr", "Count").lines());
        assertEquals(List.of("(2, 4)"), SmRun.of("state", address).lines());

        SmRun again = SmRun.of("upgrade", address, cam("again.cam", counter2()).toString());
        assertEquals(1, again.status());
        assertEquals("The version running isn't the one the upgrade expects. Aborting upgrade.", again.lines().get(0));
        assertTrue(again.lines().get(1).matches("The node already runs Counter2\\.counter [0-9a-f]{8}, the machine this"
                + " artifact installs; its upgrade section is from Counter1\\.counter [0-9a-f]{8}\\."), again.out());
        assertEquals(2, again.lines().size(), again.out());

        SmRun down = SmRun.of("downgrade", address);
        assertEquals(0, down.status(), down.err());
        assertEquals("Downgrade successful!", down.lines().get(0));
        assertEquals(List.of("4"), SmRun.of("state", address).lines());

        SmRun noMore = SmRun.of("downgrade", address);
        assertEquals(1, noMore.status());
        assertTrue(noMore.out().contains("no downgrade section"), noMore.out());
    }

    @Test
    void infoShowsTypesWithConstructorsAndTheHistory() throws Exception {
        SmRun.of("upgrade", address, cam("c2.cam", counter2()).toString());
        SmRun info = SmRun.of("info", address);
        assertEquals(0, info.status(), info.err());
        List<String> lines = info.lines();
        assertEquals("machine   Counter2.counter", lines.get(0));
        assertEquals("identity  " + id2().hex(), lines.get(1));
        assertEquals("input     Input = Incr | Count", lines.get(2));
        assertEquals("output    Output = Ok | Total Int", lines.get(3));
        assertEquals("state     (Int, Int)", lines.get(4));
        assertEquals("history", lines.get(5));
        assertTrue(lines.get(6).contains(id1().shortHex()) && lines.get(6).contains("started"), lines.get(6));
        assertTrue(lines.get(7).contains("Counter2.counter") && lines.get(7).contains("upgraded from "
                + id1().shortHex()), lines.get(7));
    }

    @Test
    void refusedValuesPrintErrorLinesAndExitOne() {
        SmRun send = SmRun.of("send", address, "Incr", "Decr", "Count");
        assertEquals(1, send.status());
        List<String> lines = send.lines();
        assertEquals(3, lines.size(), send.out());
        assertEquals("Ok", lines.get(0));
        assertTrue(lines.get(1).startsWith("error: "), lines.get(1));
        assertEquals("Total 1", lines.get(2));
    }

    @Test
    void oldValuesStillWorkAfterCounter3() throws Exception {
        SmRun.of("upgrade", address, cam("c2.cam", counter2()).toString());
        SmRun up3 = SmRun.of("upgrade", address, cam("c3.cam", counter3(false)).toString());
        assertEquals("Upgrade successful!", up3.lines().get(0));
        assertEquals(List.of("Done", "Done", "Total3 2"), SmRun.of("send", address, "Incr3", "Incr3", "Count3").lines());
        assertEquals(List.of("(2, False)"), SmRun.of("state", address).lines());
        // An old client, by short identity: Counter1's values, adapted both ways.
        SmRun old = SmRun.of("send", "--as", id1().shortHex(), address, "Incr", "Count");
        assertEquals(0, old.status(), old.out() + old.err());
        assertEquals(List.of("Ok", "Total 3"), old.lines());
        SmRun unknown = SmRun.of("send", "--as", "0".repeat(64), address, "Incr");
        assertEquals(1, unknown.status());
        assertTrue(unknown.err().contains("cannot serve"), unknown.err());
        assertEquals(2, SmRun.of("send", "--as", "xyz", address, "Incr").status());
    }

    @Test
    void badArtifactsAreRefusedAndTheNodeKeepsServing() throws Exception {
        SmRun.of("send", address, "Incr");
        Path corrupt = Files.write(dir.resolve("corrupt.cam"), new byte[] {'H', 'S', 'M', 0, 1, 2, 3});
        for (Path bad : List.of(corrupt, cam("ill.cam", counter2IllTyped()),
                cam("fails.cam", counter2FailingMigration()))) {
            SmRun up = SmRun.of("upgrade", address, bad.toString());
            assertEquals(1, up.status(), up.out());
            assertTrue(up.out().contains("Aborting upgrade"), up.out());
        }
        assertEquals(List.of("Ok", "Total 2"), SmRun.of("send", address, "Incr", "Count").lines());
    }

    @Test
    void usageAndConnectionErrors() throws Exception {
        assertEquals(2, SmRun.of("send", address).status());
        assertEquals(2, SmRun.of("send", "nonsense", "Incr").status());
        assertEquals(2, SmRun.of("frobnicate").status());
        SmRun missing = SmRun.of("upgrade", address, dir.resolve("missing.cam").toString());
        assertEquals(1, missing.status());
        assertTrue(missing.err().contains("no such file"), missing.err());
        int closedPort;
        try (var s = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        SmRun nobody = SmRun.of("state", "127.0.0.1:" + closedPort);
        assertEquals(1, nobody.status());
        assertTrue(nobody.err().startsWith("sm: cannot talk to a node at"), nobody.err());
        assertFalse(nobody.err().contains("\tat "), nobody.err());
        SmRun help = SmRun.of("--help");
        assertEquals(0, help.status());
        for (String sub : List.of("node", "send", "upgrade", "downgrade", "info", "state")) {
            assertTrue(help.out().contains(sub), help.out());
        }
    }

    @Test
    void aRefusedUpgradeSaysWhichMachineTheArtifactExpectsAndWhatRuns() throws Exception {
        // No upgrade section at all: counter1 itself is a fresh machine.
        Artifact fresh = new Artifact("Other.fresh", counter1().input(), counter1().output(), counter1().state(),
                counter1().initialState(), counter1().step(), List.of(), List.of());
        SmRun none = SmRun.of("upgrade", address, cam("fresh.cam", fresh).toString());
        assertEquals(1, none.status(), none.err());
        assertEquals("The version running isn't the one the upgrade expects. Aborting upgrade.", none.lines().get(0));
        assertTrue(none.lines().get(1).matches("Other\\.fresh [0-9a-f]{8} has no upgrade section, so it can replace no running"
                + " machine \\(the node runs Counter1\\.counter [0-9a-f]{8}\\); add 'upgrade Counter1\\.counter -> fresh' to its source\\."),
                none.out());
        // From version 3 to ...: counter3 upgrades Counter2.counter, another machine than the one running.
        SmRun other = SmRun.of("upgrade", address, cam("c3.cam", counter3(false)).toString());
        assertEquals(1, other.status(), other.err());
        assertTrue(other.lines().get(1).matches("Counter3\\.counter [0-9a-f]{8} upgrades Counter2\\.counter [0-9a-f]{8},"
                + " but the node runs another machine: Counter1\\.counter [0-9a-f]{8}\\."), other.out());
    }
}
