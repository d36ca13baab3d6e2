package hotsm.vm.node;

import static hotsm.vm.node.CounterArtifacts.*;
import static org.junit.jupiter.api.Assertions.*;

import hotsm.vm.bytecode.Artifact;
import hotsm.vm.bytecode.ArtifactCodec;
import hotsm.vm.bytecode.ArtifactFormatException;
import hotsm.vm.value.Value;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/**
 * Every single-byte corruption of the Counter2 artifact either fails to
 * decode, or is refused by the node with nothing changed, or (where the byte
 * is outside what the upgrade checks, such as the initial state) upgrades
 * correctly; the node answers the next input in every case.
 */
class CorruptedArtifactTest {

    @Test
    void everyFlippedByteIsRefusedOrHarmless() throws Exception {
        byte[] good = ArtifactCodec.encode(counter2());
        int decodeFailures = 0;
        int refusals = 0;
        try (Node node = Node.start(counter1(), NodeOptions.defaults())) {
            node.step(INCR).join();
            for (int i = 0; i < good.length; i++) {
                byte[] bad = good.clone();
                bad[i] ^= (byte) 0x5A;
                Artifact a;
                try {
                    a = ArtifactCodec.decode(bad);
                } catch (ArtifactFormatException e) {
                    decodeFailures++;
                    continue;
                }
                try {
                    node.upgrade(a).join();
                    // Accepted: it must really be a working Counter2 that kept the count.
                    assertEquals(total(1), node.step(COUNT).join().output(), "byte " + i);
                    node.downgrade().join();
                } catch (CompletionException e) {
                    Refusal r = assertInstanceOf(Refusal.class, e.getCause(), "byte " + i);
                    assertEquals(Refusal.Reason.UPGRADE_REFUSED, r.reason(), "byte " + i);
                    refusals++;
                }
                assertEquals(id1(), node.info().join().identity(), "byte " + i);
                assertEquals(Value.of(1), node.state().join().value(), "byte " + i);
            }
        }
        assertTrue(decodeFailures > 0 && refusals > 0, decodeFailures + " decode failures, " + refusals + " refusals");
    }
}
