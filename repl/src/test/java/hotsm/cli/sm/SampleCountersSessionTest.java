package hotsm.cli.sm;

import static org.junit.jupiter.api.Assertions.*;

import hotsm.vm.bytecode.Identity;
import hotsm.vm.node.Refusal;
import hotsm.vm.protocol.HostPort;
import hotsm.vm.protocol.NodeClient;
import hotsm.vm.value.ValueParser;
import hotsm.vm.value.ValuePrinter;
import hotsm.vm.node.NodeInfo;
import hotsm.vm.node.StepResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed's session end to end with the sample counters compiled from
 * source: `sm node Counter1.sm` in its own process, driven by `sm send`,
 * `sm upgrade`, `sm downgrade`, `sm state`, plus a client that keeps speaking
 * Counter1's interface after the upgrade to Counter3.
 */
class SampleCountersSessionTest {

    private static final Path COUNTERS = Path.of(System.getProperty("hotsm.root", "."), "samples", "counter");

    private static String sample(String name) {
        return COUNTERS.resolve(name).toString();
    }

    private static String print(StepResult r) {
        return ValuePrinter.print(r.outputType(), r.output());
    }

    @Test
    void seedSessionWithTheCompiledSamples() throws Exception {
        try (NodeProcess node = NodeProcess.start(sample("Counter1.sm"), "--trace");
             NodeClient old = NodeClient.connect(HostPort.parse(node.address))) {
            NodeInfo counter1 = old.info();
            assertEquals("Counter1.counter", counter1.name());
            Identity v1 = counter1.identity();

            assertEquals(List.of("Ok", "Ok", "Total 2"), SmRun.of("send", node.address, "Incr", "Incr", "Count").lines());
            assertEquals(List.of("Output: Ok", "New state: 1", "Output: Ok", "New state: 2", "Output: Total 2",
                    "New state: 2"), node.nextLines(6));

            SmRun up = SmRun.of("upgrade", node.address, sample("Counter2.sm"));
            assertEquals(0, up.status(), up.out() + up.err());
            assertEquals("Upgrade successful!", up.lines().get(0));
            assertEquals("Upgrade successful!", node.nextLine());
            assertTrue(node.nextLine().matches("Counter1\\.counter [0-9a-f]{8} -> Counter2\\.counter [0-9a-f]{8}"));
            assertEquals(List.of("Ok", "Ok", "Total 4"), SmRun.of("send", node.address, "Incr", "Incr", "Count").lines());
            assertEquals(List.of("Output: Ok", "New state: (2, 3)", "Output: Ok", "New state: (2, 4)",
                    "Output: Total 4", "New state: (2, 4)"), node.nextLines(6));
            assertEquals(List.of("(2, 4)"), SmRun.of("state", node.address).lines());

            SmRun again = SmRun.of("upgrade", node.address, sample("Counter2.sm"));
            assertEquals(1, again.status());
            assertEquals("The version running isn't the one the upgrade expects. Aborting upgrade.", again.lines().get(0));
            assertEquals("The version running isn't the one the upgrade expects. Aborting upgrade.", node.nextLine());

            SmRun down = SmRun.of("downgrade", node.address);
            assertEquals(0, down.status(), down.out());
            assertEquals("Downgrade successful!", down.lines().get(0));
            assertEquals("Downgrade successful!", node.nextLine());
            assertTrue(node.nextLine().matches("Counter2\\.counter [0-9a-f]{8} -> Counter1\\.counter [0-9a-f]{8}"));
            assertEquals(List.of("4"), SmRun.of("state", node.address).lines());

            // Forward again, to version 3 with its new interface.
            assertEquals(0, SmRun.of("upgrade", node.address, sample("Counter2.sm")).status());
            SmRun up3 = SmRun.of("upgrade", node.address, sample("Counter3.sm"));
            assertEquals(0, up3.status(), up3.out() + up3.err());
            assertTrue(up3.lines().get(1).startsWith("Counter2.counter "), up3.out());
            assertTrue(up3.lines().get(1).contains(" -> Counter3.counter "), up3.out());

            // The old client, speaking Counter1's interface, is served through the adapters.
            StepResult ok = old.step(ValueParser.parse(counter1.input(), "Incr"), v1);
            assertEquals("Ok", print(ok));
            assertEquals("Total 5", print(old.step(ValueParser.parse(counter1.input(), "Count"), v1)));
            try (NodeClient pinned = NodeClient.connect(HostPort.parse(node.address), Optional.of(v1))) {
                assertEquals("Total 5", print(pinned.step(ValueParser.parse(counter1.input(), "Count"))));
            }

            assertEquals(List.of("Done", "Total3 6"), SmRun.of("send", node.address, "Incr3", "Count3").lines());
            SmRun oldSyntax = SmRun.of("send", node.address, "Incr");
            assertEquals(1, oldSyntax.status());
            assertTrue(oldSyntax.out().startsWith("error: "), oldSyntax.out());

            // Counter3.sm has no downgrade section: refused, nothing changes.
            SmRun noWayBack = SmRun.of("downgrade", node.address);
            assertEquals(1, noWayBack.status());
            assertEquals(List.of("(6, False)"), SmRun.of("state", node.address).lines());
            assertTrue(node.alive(), node.stderr());
        }
    }

    @Test
    void anUpgradeThatDoesNotCompileShowsItsErrorsAndSendsNothing(@TempDir Path dir) throws Exception {
        Path broken = Files.writeString(dir.resolve("Broken.sm"), String.join("\n",
                "module Broken",
                "machine counter : Int -> Int",
                "  state Int = 0",
                "  proc i -> returnA -< j",
                ""));
        try (NodeProcess node = NodeProcess.start(sample("Counter1.sm"))) {
            SmRun up = SmRun.of("upgrade", node.address, broken.toString());
            assertEquals(1, up.status());
            assertTrue(up.err().contains("Broken.sm:4:"), up.err());
            assertTrue(up.err().contains("^"), up.err());
            assertFalse(up.err().contains("\tat "), up.err());
            try (NodeClient c = NodeClient.connect(HostPort.parse(node.address))) {
                assertEquals("Counter1.counter", c.info().name());
                assertEquals(1, c.info().history().size());
            }
        }
    }

    @Test
    void theNodeRefusesAnOldInterfaceItCannotAdapt() throws Exception {
        try (NodeProcess node = NodeProcess.start(sample("Counter1.sm"))) {
            SmRun.of("upgrade", node.address, sample("Counter2.sm"));
            Identity v2;
            try (NodeClient c = NodeClient.connect(HostPort.parse(node.address))) {
                v2 = c.info().identity();
                c.downgrade();
            }
            // Counter2's interface equals Counter1's: still served after the downgrade.
            try (NodeClient c = NodeClient.connect(HostPort.parse(node.address), Optional.of(v2))) {
                assertEquals("Counter1.counter", c.info().name());
            }
            Identity unknown = new Identity(new byte[32]);
            Refusal r = assertThrows(Refusal.class,
                    () -> NodeClient.connect(HostPort.parse(node.address), Optional.of(unknown)));
            assertEquals(Refusal.Reason.UNKNOWN_INTERFACE, r.reason());
        }
    }
}
