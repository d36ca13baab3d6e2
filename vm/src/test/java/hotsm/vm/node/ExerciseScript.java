package hotsm.vm.node;

import static hotsm.vm.node.CounterArtifacts.*;

import hotsm.vm.value.Value;

/**
 * One script of every kind of command a node journals, over the three
 * counters: steps, a refused step, upgrades, a refused upgrade (a failing
 * migration), a downgrade and a step in an older interface. The journal,
 * snapshot and durable-node tests replay what it leaves behind.
 */
public final class ExerciseScript {
    private ExerciseScript() {}

    /** Runs the script on a node started from Counter1 and returns what the node looked like after it. */
    public static NodeInfo run(Node node) {
        node.step(INCR).join();
        node.step(INCR).join();
        node.upgrade(counter2()).join();
        node.upgrade(counter2FailingMigration()).exceptionally(e -> null).join();
        node.step(INCR).join();
        node.step(Value.of(7)).exceptionally(e -> null).join();
        node.downgrade().join();
        node.upgrade(counter2()).join();
        node.upgrade(counter3(false)).join();
        node.step(INCR, id1()).join();
        return node.info().join();
    }
}
