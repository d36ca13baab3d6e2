package hotsm.vm.node;

import static hotsm.vm.node.CounterArtifacts.*;
import static org.junit.jupiter.api.Assertions.*;

import hotsm.vm.bytecode.ArtifactCodec;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/**
 * Upgrades are prepared and planned on the caller's thread against the
 * snapshot of that moment (issue 11); the machine thread must still decide on
 * the node as it is when the upgrade's turn comes, in order.
 */
class PreparedUpgradeTest {

    @Test
    void anUpgradePlannedAgainstAnOlderVersionIsPlannedAgainWhenItsTurnComes() throws Exception {
        try (Node node = Node.start(counter1(), NodeOptions.defaults())) {
            node.step(INCR).join();
            // Both are planned now, against Counter1: the second plan says "wrong version".
            CompletableFuture<VersionChange> first = node.upgrade(counter2());
            CompletableFuture<VersionChange> second = node.upgrade(ArtifactCodec.encode(counter3(false)));
            assertEquals(VersionChange.UPGRADE_SUCCESSFUL, first.join().message());
            assertEquals(VersionChange.UPGRADE_SUCCESSFUL, second.join().message(), "planned again against Counter2");
            assertEquals(id3(), node.info().join().identity());
        }
    }

    @Test
    void aPlanThatHeldIsRefusedAgainWhenTheVersionMovedOn() {
        try (Node node = Node.start(counter1(), NodeOptions.defaults())) {
            CompletableFuture<VersionChange> first = node.upgrade(counter2());
            CompletableFuture<VersionChange> again = node.upgrade(counter2());   // planned against Counter1: fits
            first.join();
            CompletionException e = assertThrows(CompletionException.class, again::join);
            Refusal r = assertInstanceOf(Refusal.class, e.getCause());
            assertEquals(VersionChange.WRONG_VERSION, r.getMessage());
            assertEquals(id2(), node.info().join().identity());
        }
    }

    @Test
    void stepsBetweenPlanAndTurnKeepThePlanAndMigrateTheLatestState() {
        StateView pipelined;
        try (Node node = Node.start(counter1(), NodeOptions.defaults())) {
            for (int i = 0; i < 50; i++) node.step(INCR);
            CompletableFuture<VersionChange> up = node.upgrade(counter2());
            for (int i = 0; i < 50; i++) node.step(INCR);
            up.join();
            pipelined = node.state().join();
        }
        try (Node node = Node.start(counter1(), NodeOptions.defaults())) {
            for (int i = 0; i < 50; i++) node.step(INCR).join();
            node.upgrade(counter2()).join();
            for (int i = 0; i < 50; i++) node.step(INCR).join();
            assertEquals(node.state().join(), pipelined, "the same as one command at a time");
        }
    }
}
