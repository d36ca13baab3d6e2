package hotsm.vm.node;

import static hotsm.vm.node.CounterArtifacts.*;
import static org.junit.jupiter.api.Assertions.*;

import hotsm.vm.bytecode.Artifact;
import hotsm.vm.bytecode.Identities;
import hotsm.vm.value.Value;
import hotsm.vm.verify.Verifier;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The twin {@link TypeProfiles} upgrades a scratch machine to (issue 11, the upgrade gap): the same
 * machine under another identity, reached from the original and left back to it with the state as it
 * was, so the version changes it warms up succeed.
 */
class TwinTest {

    @Test
    void theTwinVerifiesWithAnotherIdentityAndTheSameTypesAndStep() {
        Artifact twin = Twin.of(counter1(), id1());
        Verifier.verify(twin);
        assertNotEquals(id1(), Identities.of(twin));
        assertEquals(NAME1 + "_twin", twin.name());
        assertEquals(counter1().state(), twin.state());
        assertEquals(counter1().step(), twin.step());
    }

    @Test
    void anUpgradeToTheTwinAndADowngradeBackKeepTheState() {
        Instant t = Instant.EPOCH;
        NodeSnapshot start = NodeSnapshot.started(counter1(), id1(), Value.of(41), t);
        Artifact twin = Twin.of(counter1(), id1());
        NodeSnapshot up = VersionChanges.upgrade(start, twin, 10_000, t).next();
        assertEquals(Identities.of(twin), up.identity());
        assertEquals(Value.of(41), up.state());
        NodeSnapshot back = VersionChanges.downgrade(up, 10_000, t).next();
        assertEquals(id1(), back.identity());
        assertSame(start.artifact(), back.artifact(), "the full artifact the node ran, not one built from the section");
        assertEquals(Value.of(41), back.state());
    }

    @Test
    void theWarmUpRunsOnEachCounterAndLeavesTheNodeAsItWas() {
        for (Artifact a : new Artifact[] {counter1(), counter2(), counter3(false)}) {
            NodeSnapshot start = NodeSnapshot.started(a, Identities.of(a), a.initialState(), Instant.EPOCH);
            hotsm.vm.jit.StepCode code = hotsm.vm.jit.StepCode.forStep(a);
            hotsm.vm.jit.ResidentState resident = code.resident(start.state());
            TypeProfiles.runAll(start, NodeOptions.defaults(), code);
            assertEquals(a.initialState(), resident.state(), "the node's own resident state is not the scratch one's");
        }
    }

    @Test
    void aNodeStartedFirstInItsJvmRunsAsBefore() {
        // Whichever test starts the JVM's first node warms the profiles; every node must behave the same.
        try (Node node = Node.start(counter2(), NodeOptions.defaults())) {
            node.step(INCR).join();
            assertEquals(total(1), node.step(COUNT).join().output());
            assertEquals(1, node.info().join().history().size(), "the warm-up's version changes are not the node's");
        }
    }
}
