package hotsm.vm.node;

import static hotsm.vm.node.CounterArtifacts.*;
import static org.junit.jupiter.api.Assertions.*;

import hotsm.vm.bytecode.ArtifactCodec;
import hotsm.vm.trust.ChangeKind;
import hotsm.vm.trust.Ed25519Keys;
import hotsm.vm.trust.ReleaseSignature;
import hotsm.vm.trust.TrustPolicy;
import java.security.KeyPair;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/**
 * Upgrades are prepared (signature, decoding, verifying, hashing, compiling,
 * planning) on the thread that asks for them, before they enter the queue
 * (issue 11); what can change before their turn is checked again then. The
 * machine thread is held still in these tests by a log that blocks on a
 * latch, so what happened meanwhile happened elsewhere.
 */
class UpgradePreparationTest {

    static final KeyPair OPS = Ed25519Keys.generate();
    static final TrustPolicy TRUST_OPS = new TrustPolicy(List.of(
            new TrustPolicy.TrustedKey("ops", Ed25519Keys.raw(OPS.getPublic()))));

    static ReleaseSignature sign(long release, byte[] subject) {
        return ReleaseSignature.sign(ChangeKind.UPGRADE, release, subject, OPS.getPrivate(), OPS.getPublic());
    }

    static String refusal(CompletableFuture<?> f) {
        CompletionException e = assertThrows(CompletionException.class, f::join);
        return assertInstanceOf(Refusal.class, e.getCause()).getMessage();
    }

    @Test
    void anUpgradeIsPreparedOnTheCallersThreadWhileTheMachineThreadIsBusy() throws Exception {
        HoldingLog log = HoldingLog.atFirstReadState();
        try (Node node = Node.start(counter1(), NodeOptions.defaults().withLog(log))) {
            log.hold(node);
            CompletableFuture<VersionChange> up = node.upgrade(ArtifactCodec.encode(counter2()));
            assertEquals(Thread.currentThread().getName(), node.lastPreparedOn(),
                    "decoded, verified and compiled by the caller while the machine thread is held");
            assertFalse(up.isDone(), "applied only in its turn");
            log.release();
            assertEquals(VersionChange.UPGRADE_SUCCESSFUL, up.join().message());
            assertEquals(total(0), node.step(COUNT).join().output());
        }
    }

    @Test
    void aReleasePreparedBeforeAHigherOneWasAcceptedIsRefusedAtItsTurn() throws Exception {
        HoldingLog log = HoldingLog.atFirstReadState();
        byte[] two = ArtifactCodec.encode(counter2());
        byte[] three = ArtifactCodec.encode(counter3(false));
        try (Node node = Node.start(counter1(), NodeOptions.defaults().withLog(log).withTrust(TRUST_OPS))) {
            log.hold(node);
            // Both are prepared while the node has accepted no release: each is above 0 then.
            CompletableFuture<VersionChange> release5 = node.upgrade(two, sign(5, two));
            CompletableFuture<VersionChange> release4 = node.upgrade(three, sign(4, three));
            log.release();
            release5.join();
            assertEquals("Release 4 is not above release 5, the highest this node has accepted: an older release"
                    + " cannot be replayed. Aborting upgrade.", refusal(release4));
            assertEquals(id2(), node.info().join().identity());
        }
    }

    @Test
    void bytesWithABadSignatureAreRefusedForTheSignatureNotDecoded() {
        byte[] garbage = {1, 2, 3, 4, 5};
        try (Node node = Node.start(counter1(), NodeOptions.defaults().withTrust(TRUST_OPS))) {
            byte[] two = ArtifactCodec.encode(counter2());
            String m = refusal(node.upgrade(garbage, sign(1, two)));
            assertTrue(m.contains("does not match the artifact sent"), m);
            assertEquals(id1(), node.info().join().identity());
        }
    }

    @Test
    void bytesThatDoNotDecodeAreRefusedInTheirTurnWithTheSameMessage() {
        try (Node node = Node.start(counter1(), NodeOptions.defaults())) {
            String m = refusal(node.upgrade(new byte[] {1, 2, 3}));
            assertTrue(m.startsWith("The artifact could not be read: "), m);
            assertTrue(m.endsWith(". Aborting upgrade."), m);
        }
    }

    /** A clock that says who read it; each reading is a second after the one before. */
    static final class ReadersClock extends java.time.Clock {
        final List<String> readers = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final java.util.concurrent.atomic.AtomicLong millis = new java.util.concurrent.atomic.AtomicLong(
                1_800_000_000_000L);

        @Override public java.time.Instant instant() {
            readers.add(Thread.currentThread().getName());
            return java.time.Instant.ofEpochMilli(millis.addAndGet(1_000));
        }

        @Override public java.time.ZoneId getZone() { return java.time.ZoneOffset.UTC; }

        @Override public java.time.Clock withZone(java.time.ZoneId zone) { return this; }
    }

    @Test
    void anUpgradesTimeIsReadWhenItIsPreparedNotInItsTurn() throws Exception {
        HoldingLog log = HoldingLog.atFirstReadState();
        ReadersClock clock = new ReadersClock();
        String caller = Thread.currentThread().getName();
        try (Node node = Node.start(counter1(), new NodeOptions(NodeOptions.DEFAULT_FUEL, log, NodeListener.NONE,
                clock))) {
            log.hold(node);
            CompletableFuture<VersionChange> up = node.upgrade(ArtifactCodec.encode(counter2()));
            java.time.Instant prepared = java.time.Instant.ofEpochMilli(1_800_000_002_000L);   // the second reading
            log.release();
            up.join();
            List<Version> history = node.info().join().history();
            assertEquals(prepared, history.get(history.size() - 1).since());
            assertEquals(List.of(caller, caller), clock.readers, "read at the start and while preparing, not in the turn");
        }
    }
}
