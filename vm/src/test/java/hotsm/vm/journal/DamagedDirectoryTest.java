package hotsm.vm.journal;

import static hotsm.vm.node.CounterArtifacts.*;
import static org.junit.jupiter.api.Assertions.*;

import hotsm.vm.node.NodeOptions;
import hotsm.vm.node.Refusal;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9 item 4 and 5, one damage at a time: a torn tail is cut off; a
 * flipped byte before it, a missing segment or no usable snapshot stop
 * recovery naming the file and offset; a damaged newest snapshot gives way to
 * the one before; a failed write or force stops the node.
 */
class DamagedDirectoryTest {
    @TempDir Path dir;

    private static final JournalOptions SMALL_SEGMENTS = Durable.QUICK.withSegmentBytes(120);

    /** {@code n} increments on a fresh Counter1 node. */
    private void incrementsThenStop(int n, JournalOptions options) throws IOException {
        try (DurableNode d = Durable.open(dir, counter1(), options)) {
            for (int i = 0; i < n; i++) d.node().step(INCR).join();
        }
    }

    private long count(JournalOptions options) throws IOException {
        try (DurableNode d = Durable.open(dir, null, options)) {
            return ((hotsm.vm.value.Value.Int) ((hotsm.vm.value.Value.Inr) d.node().step(COUNT).join().output())
                    .value()).value();
        }
    }

    private Path lastSegment() throws IOException {
        List<DataDir.Numbered> s = new DataDir(dir).segments();
        return s.get(s.size() - 1).file();
    }

    private static void append(Path file, byte[] bytes) throws IOException {
        Files.write(file, bytes, StandardOpenOption.APPEND);
    }

    @Test
    void aTornLastRecordIsCutOff() throws IOException {
        incrementsThenStop(5, Durable.QUICK);
        Path seg = lastSegment();
        long good = Files.size(seg);
        // A record header that promises 100 bytes, and 3 of them: the write a crash interrupted.
        append(seg, ByteBuffer.allocate(11).putInt(100).putInt(0).put(new byte[] {1, 2, 3}).array());
        try (DurableNode d = Durable.open(dir, null, Durable.QUICK)) {
            assertEquals(5, d.opened().replayed());
            assertTrue(d.opened().notes().get(0).contains("cut a torn record off the end of " + seg + " at offset "
                    + good), d.opened().notes().toString());
            d.node().step(INCR).join();
        }
        assertEquals(6, count(Durable.QUICK));
    }

    @Test
    void aTailOfZerosIsTornToo() throws IOException {
        incrementsThenStop(3, Durable.QUICK);
        append(lastSegment(), new byte[64]);
        assertEquals(3, count(Durable.QUICK));
    }

    @Test
    void aSegmentWhoseHeaderWasCutShortIsDroppedAndBegunAgain() throws IOException {
        incrementsThenStop(4, Durable.QUICK);
        Path torn = new DataDir(dir).segment(4);
        Files.write(torn, java.util.Arrays.copyOf(Segment.MAGIC, 3));   // a crash while creating the next segment
        try (DurableNode d = Durable.open(dir, null, Durable.QUICK)) {
            assertEquals(4, d.opened().replayed());
            assertTrue(d.opened().notes().get(0).contains("cut a torn record off the end of " + torn),
                    d.opened().notes().toString());
            d.node().step(INCR).join();
        }
        assertEquals(5, count(Durable.QUICK));
    }

    @Test
    void aFlippedByteBeforeTheTailStopsRecoveryNamingFileAndOffset() throws IOException {
        incrementsThenStop(5, Durable.QUICK);
        Path seg = lastSegment();
        long size = Files.size(seg);
        // The second record's payload: header 16, first record 8 + its payload.
        int firstPayload;
        try (FileChannel ch = FileChannel.open(seg, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer len = ByteBuffer.allocate(4);
            ch.read(len, Segment.HEADER);
            firstPayload = len.flip().getInt();
            long second = Segment.HEADER + Segment.RECORD_HEADER + firstPayload;
            ByteBuffer b = ByteBuffer.allocate(1);
            ch.read(b, second + Segment.RECORD_HEADER + 2);
            b.put(0, (byte) (b.get(0) ^ 0x40));
            ch.write(b.flip(), second + Segment.RECORD_HEADER + 2);
        }
        long second = Segment.HEADER + Segment.RECORD_HEADER + firstPayload;
        JournalException e = assertThrows(JournalException.class, () -> Durable.open(dir, null, Durable.QUICK));
        assertTrue(e.getMessage().startsWith(seg + ": offset " + second + ": record 1: a checksum mismatch"),
                e.getMessage());
        // Nothing was cut: the directory is as it was, for a person to look at.
        assertEquals(size, Files.size(seg));
    }

    @Test
    void aMissingSegmentStopsRecovery() throws IOException {
        incrementsThenStop(40, SMALL_SEGMENTS);
        List<DataDir.Numbered> segments = new DataDir(dir).segments();
        assertTrue(segments.size() >= 4, segments.toString());
        DataDir.Numbered gone = segments.get(2);
        Files.delete(gone.file());
        JournalException e = assertThrows(JournalException.class, () -> Durable.open(dir, null, SMALL_SEGMENTS));
        assertTrue(e.getMessage().contains("a journal segment is missing: records " + gone.number() + " to "
                + (segments.get(3).number() - 1)), e.getMessage());
    }

    @Test
    void aTruncatedNewestSnapshotGivesWayToTheOneBefore() throws IOException {
        try (DurableNode d = Durable.open(dir, counter1(), Durable.QUICK)) {
            for (int i = 0; i < 3; i++) d.node().step(INCR).join();
            d.node().writeSnapshot().join();
            for (int i = 0; i < 3; i++) d.node().step(INCR).join();
            d.node().writeSnapshot().join();
            d.node().step(INCR).join();
        }
        Path newest = new DataDir(dir).snapshot(6);
        byte[] bytes = Files.readAllBytes(newest);
        Files.write(newest, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        try (DurableNode d = Durable.open(dir, null, Durable.QUICK)) {
            assertEquals(3, d.opened().position());
            assertEquals(4, d.opened().replayed());
            assertTrue(d.opened().notes().get(0).contains("skipped the damaged snapshot " + newest), d.opened().notes()
                    .toString());
            assertTrue(d.opened().notes().get(0).contains("truncated"), d.opened().notes().toString());
            assertTrue(Files.exists(newest.resolveSibling(newest.getFileName() + ".damaged")));
            // Written on, the directory keeps its two newest good snapshots.
            d.node().writeSnapshot().join();
            assertEquals(List.of(3L, 7L), new DataDir(dir).snapshots().stream().map(DataDir.Numbered::number).toList());
        }
        assertEquals(7, count(Durable.QUICK));
    }

    @Test
    void noUsableSnapshotStopsRecovery() throws IOException {
        incrementsThenStop(2, Durable.QUICK);
        Path only = new DataDir(dir).snapshot(0);
        Files.write(only, new byte[10]);
        JournalException e = assertThrows(JournalException.class, () -> Durable.open(dir, null, Durable.QUICK));
        assertTrue(e.getMessage().contains("no usable snapshot in " + dir), e.getMessage());
        assertTrue(e.getMessage().contains(only.toString()), e.getMessage());
    }

    @Test
    void aFailedForceStopsTheNodeAndNothingIsAcknowledgedAfterIt() throws Exception {
        AtomicInteger forces = new AtomicInteger();
        Failpoints failingForce = (point, kind) -> {
            if (point == Failpoints.Point.FORCE && forces.incrementAndGet() > 3) throw new IOException("EIO (injected)");
        };
        List<String> told = new CopyOnWriteArrayList<>();
        JournalOptions options = Durable.QUICK.withFsync(Fsync.ALWAYS).withFailpoints(failingForce);
        try (DurableNode d = DurableNode.open(dir, counter1(), null, options, NodeOptions.defaults(), told::add)) {
            int acknowledged = 0;
            Refusal refusal = null;
            for (int i = 0; i < 10 && refusal == null; i++) {
                try {
                    d.node().step(INCR).join();
                    acknowledged++;
                } catch (CompletionException e) {
                    refusal = (Refusal) e.getCause();
                }
            }
            assertNotNull(refusal);
            assertEquals(Refusal.Reason.STOPPED, refusal.reason());
            assertTrue(refusal.getMessage().contains("cannot force (fsync) the journal " + dir), refusal.getMessage());
            assertTrue(refusal.getMessage().contains("EIO (injected)"), refusal.getMessage());
            for (int i = 0; i < 6000 && told.isEmpty(); i++) Thread.sleep(10);   // told just after the replies fail
            assertEquals(List.of(refusal.getMessage().substring("The node has stopped: ".length())), told);
            // Later requests, reads included, are refused too: the node never carries on.
            CompletionException later = assertThrows(CompletionException.class, () -> d.node().state().join());
            assertEquals(Refusal.Reason.STOPPED, ((Refusal) later.getCause()).reason());
            assertTrue(acknowledged >= 1);
        }
    }
}
