package hotsm.vm.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import hotsm.vm.bytecode.Artifact;
import hotsm.vm.bytecode.Identities;
import hotsm.vm.bytecode.Identity;
import hotsm.vm.testing.SampleArtifacts;
import hotsm.vm.value.Value;
import hotsm.vm.value.ValueParser;
import hotsm.vm.value.ValuePrinter;
import hotsm.vm.verify.VerifyException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The vm's sample artifacts on an in-process node, the way every command runs
 * a machine: steps commit their state atomically, a failed step or one out of
 * fuel leaves it as it was, upgrades and downgrades run the artifacts'
 * sections, old clients are served through adapters, and what does not verify
 * or fit is refused.
 */
class SampleMachinesOnANodeTest {

    private Node node;

    @AfterEach
    void stop() {
        if (node != null) node.close();
    }

    private Node start(Artifact artifact, NodeOptions options) {
        node = Node.start(artifact, options);
        return node;
    }

    /** A node running {@code artifact} from {@code state} rather than its initial state. */
    private Node resume(Artifact artifact, Value state, NodeOptions options) {
        Identity id = Identities.of(artifact);
        node = Node.resume(NodeSnapshot.started(artifact, id, state, Instant.EPOCH), options);
        return node;
    }

    private String step(String input) {
        return step(input, node.info().join().identity());
    }

    private String step(String input, Identity speaking) {
        Artifact a = node.info().join().identity().equals(speaking) ? running() : known(speaking);
        StepResult r = node.step(ValueParser.parse(a.input(), input), speaking).join();
        return ValuePrinter.print(r.outputType(), r.output());
    }

    private Artifact running() { return node.snapshot().join().artifact(); }

    private Artifact known(Identity id) { return node.snapshot().join().known().get(id); }

    private String state() {
        StateView s = node.state().join();
        return ValuePrinter.print(s.type(), s.value());
    }

    private static Refusal refusal(CompletableFuture<?> f) {
        CompletionException e = assertThrows(CompletionException.class, f::join);
        return assertInstanceOf(Refusal.class, e.getCause());
    }

    @Test
    void counter1CountsIncrements() {
        start(SampleArtifacts.counter1(), NodeOptions.defaults());
        assertEquals("Ok", step("Incr"));
        assertEquals("Ok", step("Incr"));
        assertEquals("Total 2", step("Count"));
        assertEquals("2", state());
        assertEquals(Identities.of(SampleArtifacts.counter1()), node.info().join().identity());
    }

    @Test
    void upgradeAndDowngradeRunTheSections() {
        start(SampleArtifacts.counter1(), NodeOptions.defaults());
        step("Incr");
        Artifact c2 = SampleArtifacts.counter2();
        assertEquals(node.info().join().identity(), c2.upgrades().get(0).from());
        node.upgrade(c2).join();
        assertEquals("(1, 1)", state());
        step("Incr");
        assertEquals("Total 2", step("Count"));
        node.downgrade().join();
        assertEquals("2", state());
    }

    @Test
    void counter3ServesOldClientsThroughAdapters() {
        start(SampleArtifacts.counter2(), NodeOptions.defaults().withFuel(1000));
        Identity counter2 = node.info().join().identity();
        for (int i = 0; i < 5; i++) step("Incr");
        node.upgrade(SampleArtifacts.counter3()).join();
        assertEquals("(5, False)", state());
        assertEquals("Ok", step("Incr", counter2));
        assertEquals("Done", step("Toggle"));
        assertEquals("Done", step("Incr3"));
        assertEquals("Done", step("Incr3"));
        assertEquals("Total3 4", step("Count3"));
        assertEquals("(4, True)", state());
        assertEquals("Done", step("Reset"));
        assertEquals("(0, False)", state());
    }

    @Test
    void aFailedStepLeavesTheStateAsItWas() {
        start(SampleArtifacts.divider(), NodeOptions.defaults());
        assertEquals("100", step("10"));
        Refusal e = refusal(node.step(Value.of(0)));
        assertEquals("The step failed: division by zero. The state is unchanged.", e.getMessage());
        assertEquals("100", state());
        assertEquals("-50", step("-2"));
    }

    @Test
    void runningOutOfFuelLeavesTheStateAsItWas() {
        resume(SampleArtifacts.echo(), Value.of(7), NodeOptions.defaults().withFuel(5));
        Refusal e = refusal(node.step(Value.of("abc")));
        assertEquals("The step failed: step limit of 5 instructions exceeded. The state is unchanged.", e.getMessage());
        assertEquals("7", state());
        node.close();
        start(SampleArtifacts.echo(), NodeOptions.defaults());
        assertEquals("\"abc3\"", step("\"abc\""));
    }

    @Test
    void refusesUnverifiableArtifactsBadStatesAndBadInputs() {
        Artifact c1 = SampleArtifacts.counter1();
        Artifact broken = new Artifact(c1.name(), c1.input(), c1.output(), c1.state(), Value.UNIT, c1.step(), List.of(), List.of());
        assertThrows(VerifyException.class, () -> start(broken, NodeOptions.defaults()));
        assertThrows(VerifyException.class, () -> resume(c1, Value.of("x"), NodeOptions.defaults()));
        start(c1, NodeOptions.defaults());
        assertEquals(Refusal.Reason.BAD_VALUE, refusal(node.step(Value.of(1))).reason());
        assertEquals("0", state());
    }
}
