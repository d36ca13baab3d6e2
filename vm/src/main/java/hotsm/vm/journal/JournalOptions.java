package hotsm.vm.journal;

import java.util.Objects;

/**
 * How a durable node keeps its journal.
 *
 * @param fsync         when records are forced (and so when replies go out)
 * @param segmentBytes  a segment is closed and a new one begun once it reaches this size
 * @param snapshotEvery a snapshot is written after every this many records
 * @param failpoints    test hooks ({@link Failpoints#NONE} in production)
 */
public record JournalOptions(Fsync fsync, long segmentBytes, long snapshotEvery, Failpoints failpoints) {

    public static final long DEFAULT_SEGMENT_BYTES = 64L << 20;
    public static final long DEFAULT_SNAPSHOT_EVERY = 100_000;

    public JournalOptions {
        Objects.requireNonNull(fsync);
        Objects.requireNonNull(failpoints);
        if (segmentBytes < Segment.HEADER + 1) throw new IllegalArgumentException("segmentBytes too small");
        if (snapshotEvery <= 0) throw new IllegalArgumentException("snapshotEvery must be positive");
    }

    public static JournalOptions defaults() {
        return new JournalOptions(Fsync.ALWAYS, DEFAULT_SEGMENT_BYTES, DEFAULT_SNAPSHOT_EVERY,
                Failpoints.fromSystemProperty());
    }

    public JournalOptions withFsync(Fsync f) { return new JournalOptions(f, segmentBytes, snapshotEvery, failpoints); }

    public JournalOptions withSegmentBytes(long n) { return new JournalOptions(fsync, n, snapshotEvery, failpoints); }

    public JournalOptions withSnapshotEvery(long n) { return new JournalOptions(fsync, segmentBytes, n, failpoints); }

    public JournalOptions withFailpoints(Failpoints f) { return new JournalOptions(fsync, segmentBytes, snapshotEvery, f); }
}
