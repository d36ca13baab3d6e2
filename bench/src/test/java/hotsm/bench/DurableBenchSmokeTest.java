package hotsm.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import hotsm.vm.journal.Fsync;
import org.junit.jupiter.api.Test;

/** The durable-node harness runs (no timing here: bench/run.sh measures). */
class DurableBenchSmokeTest {

    @Test
    void stepsThroughADurableNodeAndUpgradesIt() throws Exception {
        Machines.Compiled counter = Machines.counter1();
        assertTrue(DurableBench.steps(counter, Fsync.NEVER, 2, 100) > 0);
        assertTrue(DurableBench.upgradeMs(counter, Machines.counter2(), 2) >= 0);
    }
}
