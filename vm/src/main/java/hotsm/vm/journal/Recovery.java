package hotsm.vm.journal;

import hotsm.vm.node.Node;
import hotsm.vm.node.NodeOptions;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Rebuild a node from a data directory: the newest snapshot that reads back
 * whole (older ones stand in for a damaged newest one), then every journal
 * record from its position on, replayed in order. A torn last record (a crash
 * in the middle of a write) is cut off; any other damage, or a gap between
 * segments, stops recovery with the file and offset, because the records
 * after it may have been acknowledged (docs/durability.md says what to do).
 */
final class Recovery {
    private Recovery() {}

    static final String DAMAGED = ".damaged";

    /** Replayed records in flight at once: bounds memory, keeps the machine thread busy. */
    private static final int WINDOW = 4096;

    /**
     * @param next           the index the next record gets
     * @param lastSegment    the segment to append to, or null to begin a new one at {@code next}
     * @param lastSegmentEnd the offset after its last good record
     */
    record Result(Node node, long position, long replayed, long next, DataDir.Numbered lastSegment,
                  long lastSegmentEnd, List<String> notes) {}

    /** No snapshot and no record: a directory to start a node in (a header-only segment left by a crash is removed). */
    static boolean isFresh(DataDir dir) throws IOException {
        if (!dir.snapshots().isEmpty()) return false;
        for (DataDir.Numbered s : dir.segments()) {
            if (Files.size(s.file()) > Segment.HEADER) return false;
        }
        for (DataDir.Numbered s : dir.segments()) Files.delete(s.file());
        return true;
    }

    static Result recover(DataDir dir, ArtifactStore store, NodeOptions options) throws IOException {
        List<String> notes = new ArrayList<>();
        SnapshotCodec.Image image = newestSnapshot(dir, store, notes);
        long position = image.position();
        List<DataDir.Numbered> segments = dir.segments();
        int from = -1;
        for (int i = 0; i < segments.size(); i++) if (segments.get(i).number() <= position) from = i;
        if (from < 0) {
            throw new JournalException("the journal in " + dir.path() + " is missing records from " + position
                    + " on: no segment " + dir.segment(position).getFileName() + " or an earlier one holds them"
                    + " (see docs/durability.md, 'When recovery stops')");
        }
        Node node = Node.resume(image.snapshot(), options);
        try {
            AtomicReference<String> failed = new AtomicReference<>();
            long[] replayed = {0};
            CompletableFuture<?>[] window = new CompletableFuture<?>[WINDOW];
            long expected = segments.get(from).number();
            Segment.Scan last = null;
            DataDir.Numbered lastFile = null;
            for (int i = from; i < segments.size(); i++) {
                DataDir.Numbered seg = segments.get(i);
                if (seg.number() != expected) {
                    throw new JournalException("a journal segment is missing: records " + expected + " to "
                            + (seg.number() - 1) + " (the segment after " + segments.get(i - 1).file().getFileName()
                            + " should begin at record " + expected + ", but the next one is " + seg.file()
                            + "; see docs/durability.md, 'When recovery stops')");
                }
                boolean isLast = i == segments.size() - 1;
                last = Segment.scan(seg.file(), seg.number(), isLast, (index, payload, offset) -> {
                    if (index < position) return;
                    CommandCodec.Entry e;
                    try {
                        e = CommandCodec.decode(payload);
                    } catch (JournalException x) {
                        throw Segment.damaged(seg.file(), offset, "record " + index + ": " + x.getMessage());
                    }
                    int slot = (int) (replayed[0] % WINDOW);
                    if (window[slot] != null) window[slot].join();
                    window[slot] = node.replay(e.command(), e.time() != null ? e.time() : java.time.Instant.EPOCH)
                            .handle((ok, x) -> {
                                if (x != null) failed.compareAndSet(null, seg.file() + ": offset " + offset
                                        + ": record " + index + " does not replay: " + x.getMessage());
                                return null;
                            });
                    replayed[0]++;
                });
                expected = seg.number() + last.count();
                lastFile = seg;
            }
            for (CompletableFuture<?> f : window) if (f != null) f.join();
            if (failed.get() != null) throw new JournalException(failed.get());
            long next = expected;
            if (next < position) {
                throw new JournalException("the snapshot covers records up to " + position + " but the journal in "
                        + dir.path() + " ends at record " + next + "; records are missing");
            }
            if (last.tornWhy() != null) {
                notes.add("cut a torn record off the end of " + lastFile.file() + " at offset " + last.end() + " ("
                        + (last.size() - last.end()) + " bytes: " + last.tornWhy() + ")");
                if (last.end() < Segment.HEADER) {
                    Files.delete(lastFile.file());
                    return new Result(node, position, replayed[0], next, null, 0, notes);
                }
                try (FileChannel ch = FileChannel.open(lastFile.file(), StandardOpenOption.WRITE)) {
                    ch.truncate(last.end());
                    ch.force(true);
                }
            }
            return new Result(node, position, replayed[0], next, lastFile, last.end(), notes);
        } catch (IOException | RuntimeException e) {
            node.close();
            throw e;
        }
    }

    private static SnapshotCodec.Image newestSnapshot(DataDir dir, ArtifactStore store, List<String> notes)
            throws IOException {
        List<DataDir.Numbered> snapshots = dir.snapshots();
        List<String> reasons = new ArrayList<>();
        List<DataDir.Numbered> damaged = new ArrayList<>();
        for (int i = snapshots.size() - 1; i >= 0; i--) {
            DataDir.Numbered s = snapshots.get(i);
            try {
                SnapshotCodec.Image image = SnapshotCodec.decode(Files.readAllBytes(s.file()), store::get);
                if (image.position() != s.number()) {
                    throw new JournalException("it says it covers " + image.position() + " records, its name "
                            + s.number());
                }
                // Out of the way (retention counts snapshots by name), kept for a person to look at.
                for (DataDir.Numbered d : damaged) {
                    Files.move(d.file(), d.file().resolveSibling(d.file().getFileName() + DAMAGED),
                            StandardCopyOption.REPLACE_EXISTING);
                }
                for (String r : reasons) notes.add(r + " (renamed to *" + DAMAGED + ")");
                return image;
            } catch (JournalException e) {
                reasons.add("skipped the damaged snapshot " + s.file() + ": " + e.getMessage());
                damaged.add(s);
            }
        }
        throw new JournalException("no usable snapshot in " + dir.path()
                + (reasons.isEmpty() ? " (the journal has records but no snapshot)" : ": " + String.join("; ", reasons))
                + " (see docs/durability.md, 'When recovery stops')");
    }
}
