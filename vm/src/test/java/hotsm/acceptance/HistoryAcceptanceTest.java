package hotsm.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import hotsm.vm.node.CounterArtifacts;
import hotsm.vm.node.Version;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A version's time reads the same in a local history as from a node (the protocol carries milliseconds). */
class HistoryAcceptanceTest {
    @Test
    void versionTimesAreMilliseconds() {
        Version v = new Version(CounterArtifacts.id1(), "Counter1.counter", Instant.parse("2026-11-26T14:43:30.464043611Z"),
                Version.Arrival.STARTED, Optional.empty());
        assertEquals(Instant.parse("2026-11-26T14:43:30.464Z"), v.since());
        assertEquals("2026-11-26T14:43:30.464Z  " + CounterArtifacts.id1().shortHex() + "  Counter1.counter  (started)",
                v.describe());
    }
}
