package hotsm.vm.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hotsm.vm.bytecode.ArtifactCodec;
import hotsm.vm.node.CounterArtifacts;
import hotsm.vm.node.Node;
import hotsm.vm.node.NodeOptions;
import hotsm.vm.node.Refusal;
import hotsm.vm.node.Version;
import java.security.KeyPair;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Item 2 of docs/security.md: a node with trusted keys changes code only for a fresh signed release. */
class SignedReleaseTest {

    static final KeyPair OPS = Ed25519Keys.generate();
    static final KeyPair MALLORY = Ed25519Keys.generate();
    static final TrustPolicy TRUST_OPS = new TrustPolicy(List.of(
            new TrustPolicy.TrustedKey("ops", Ed25519Keys.raw(OPS.getPublic()))));

    final byte[] counter2 = ArtifactCodec.encode(CounterArtifacts.counter2());
    Node node = Node.start(CounterArtifacts.counter1(), NodeOptions.defaults().withTrust(TRUST_OPS));

    @AfterEach void stop() { node.close(); }

    static ReleaseSignature sign(KeyPair k, ChangeKind kind, long release, byte[] subject) {
        return ReleaseSignature.sign(kind, release, subject, k.getPrivate(), k.getPublic());
    }

    static String refusal(CompletableFuture<?> f) {
        CompletionException e = assertThrows(CompletionException.class, f::join);
        assertTrue(e.getCause() instanceof Refusal, String.valueOf(e.getCause()));
        return e.getCause().getMessage();
    }

    @Test void aSignedReleaseIsAcceptedAndTheHistorySaysWhoSignedIt() {
        node.upgrade(counter2, sign(OPS, ChangeKind.UPGRADE, 1, counter2)).join();
        Version last = lastVersion();
        assertEquals(Optional.of(new Signer("ops", Ed25519Keys.fingerprint(OPS.getPublic()), 1)), last.signer());
        assertTrue(last.describe().contains("release 1 signed by ops ("), last.describe());
    }

    @Test void aMissingSignatureIsRefused() {
        String m = refusal(node.upgrade(counter2));
        assertTrue(m.startsWith("This node accepts only signed upgrades (from ops ("), m);
        assertTrue(m.endsWith("Aborting upgrade."), m);
        assertEquals(CounterArtifacts.NAME1, node.info().join().name());
        assertTrue(refusal(node.downgrade()).startsWith("This node accepts only signed downgrades"));
    }

    @Test void aSignatureByAnUntrustedKeyIsRefused() {
        String m = refusal(node.upgrade(counter2, sign(MALLORY, ChangeKind.UPGRADE, 1, counter2)));
        assertTrue(m.contains("signed by key " + Ed25519Keys.fingerprint(MALLORY.getPublic())
                + ", which this node does not trust"), m);
    }

    @Test void aSignatureOfOtherBytesIsRefused() {
        byte[] other = ArtifactCodec.encode(CounterArtifacts.counter3(true));
        String m = refusal(node.upgrade(counter2, sign(OPS, ChangeKind.UPGRADE, 1, other)));
        assertTrue(m.contains("does not match the artifact sent"), m);
    }

    @Test void aDowngradeSignatureDoesNotAuthoriseAnUpgrade() {
        String m = refusal(node.upgrade(counter2, sign(OPS, ChangeKind.DOWNGRADE, 1, counter2)));
        assertTrue(m.startsWith("The signature is for a downgrade, not an upgrade."), m);
    }

    @Test void anOlderReleaseCannotBeReplayed() {
        ReleaseSignature release1 = sign(OPS, ChangeKind.UPGRADE, 1, counter2);
        node.upgrade(counter2, release1).join();
        node.downgrade(sign(OPS, ChangeKind.DOWNGRADE, 2, CounterArtifacts.id2().bytes())).join();
        assertEquals(CounterArtifacts.NAME1, node.info().join().name());

        String m = refusal(node.upgrade(counter2, release1));
        assertEquals("Release 1 is not above release 2, the highest this node has accepted: an older release "
                + "cannot be replayed. Aborting upgrade.", m);
        // The same artifact as a new release goes through.
        node.upgrade(counter2, sign(OPS, ChangeKind.UPGRADE, 3, counter2)).join();
        assertEquals(3, lastVersion().signer().orElseThrow().release());
    }

    @Test void aDowngradeSignatureNamesTheVersionLeft() {
        node.upgrade(counter2, sign(OPS, ChangeKind.UPGRADE, 1, counter2)).join();
        String m = refusal(node.downgrade(sign(OPS, ChangeKind.DOWNGRADE, 2, CounterArtifacts.id1().bytes())));
        assertTrue(m.contains("does not match the version running"), m);
    }

    @Test void anOpenNodeIgnoresSignatures() {
        try (Node open = Node.start(CounterArtifacts.counter1(), NodeOptions.defaults())) {
            open.upgrade(counter2).join();
            open.downgrade(sign(MALLORY, ChangeKind.DOWNGRADE, 9, new byte[0])).join();
            assertTrue(open.info().join().history().stream().allMatch(v -> v.signer().isEmpty()));
        }
    }

    /**
     * Item 5: 10,000 single-bit flips of a signed artifact or of its
     * signature file, none accepted. Checked in-process by the policy the
     * node applies, not over TCP, so it stays fast.
     */
    @Test void noBitFlipOfASignedArtifactOrSignatureIsAccepted() {
        ReleaseSignature good = sign(OPS, ChangeKind.UPGRADE, 5, counter2);
        byte[] sig = good.encode();
        assertTrue(TRUST_OPS.authorize(ChangeKind.UPGRADE, counter2, Optional.of(good), 4).isPresent());
        // Each flip is independent (its own seeded Random), so both cores can share the 10,000 verifications.
        long accepted = IntStream.range(0, 10_000).parallel().filter(i -> {
            Random random = new Random(15_000L + i);
            byte[] a = counter2.clone();
            byte[] s = sig.clone();
            byte[] target = random.nextBoolean() ? a : s;
            int bit = random.nextInt(target.length * 8);
            target[bit / 8] ^= (byte) (1 << (bit % 8));
            try {
                TRUST_OPS.authorize(ChangeKind.UPGRADE, a, Optional.of(ReleaseSignature.decode(s)), 4);
                return true;
            } catch (TrustException expected) {
                return false;   // refused, as it must be
            }
        }).count();
        assertEquals(0L, accepted);
    }

    @Test void aSignatureFileRoundTrips() {
        ReleaseSignature s = sign(OPS, ChangeKind.DOWNGRADE, 7, new byte[] {1, 2, 3});
        assertEquals(ReleaseSignature.LENGTH, s.encode().length);
        assertEquals(s, ReleaseSignature.decode(s.encode()));
    }

    private Version lastVersion() {
        List<Version> h = node.info().join().history();
        return h.get(h.size() - 1);
    }
}
