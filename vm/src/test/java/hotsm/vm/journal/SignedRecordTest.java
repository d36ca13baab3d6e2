package hotsm.vm.journal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import hotsm.vm.bytecode.ArtifactCodec;
import hotsm.vm.node.Command;
import hotsm.vm.node.CounterArtifacts;
import hotsm.vm.trust.ChangeKind;
import hotsm.vm.trust.Ed25519Keys;
import hotsm.vm.trust.ReleaseSignature;
import java.security.KeyPair;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A signed upgrade or downgrade (docs/security.md) is journaled with its signature, so replay checks it again. */
class SignedRecordTest {

    static final KeyPair KEY = Ed25519Keys.generate();
    static final Instant TIME = Instant.ofEpochMilli(1_700_000_000_123L);

    @Test void aSignedUpgradeRoundTrips() {
        byte[] artifact = ArtifactCodec.encode(CounterArtifacts.counter2());
        ReleaseSignature sig = ReleaseSignature.sign(ChangeKind.UPGRADE, 3, artifact, KEY.getPrivate(), KEY.getPublic());
        CommandCodec.Entry e = CommandCodec.decode(CommandCodec.encode(
                new Command.Signed(new Command.UpgradeFromBytes(artifact), sig), TIME));
        assertEquals(TIME, e.time());
        Command.Signed s = assertInstanceOf(Command.Signed.class, e.command());
        assertEquals(sig, s.signature());
        assertArrayEquals(artifact, assertInstanceOf(Command.UpgradeFromBytes.class, s.change()).artifact());
    }

    @Test void aSignedDowngradeRoundTrips() {
        ReleaseSignature sig = ReleaseSignature.sign(ChangeKind.DOWNGRADE, 4, CounterArtifacts.id2().bytes(),
                KEY.getPrivate(), KEY.getPublic());
        CommandCodec.Entry e = CommandCodec.decode(CommandCodec.encode(
                new Command.Signed(new Command.Downgrade(), sig), TIME));
        Command.Signed s = assertInstanceOf(Command.Signed.class, e.command());
        assertEquals(sig, s.signature());
        assertInstanceOf(Command.Downgrade.class, s.change());
    }
}
