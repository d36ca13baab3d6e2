package hotsm.cluster;

import java.time.Duration;

/**
 * How a member runs. Every member of a group must be given the same fuel:
 * it decides whether a step fails, so it is part of what makes replicas agree.
 *
 * @param electionTimeout the shortest time without a leader's heartbeat before
 *                        a member stands for election (Ratis draws a timeout
 *                        between this and twice this)
 * @param commitTimeout   how long a member waits for a write to be committed
 *                        (or a linearizable read to be confirmed) before it
 *                        answers the client with an error; the write's
 *                        outcome is then unknown
 * @param snapshotEvery   take a snapshot after this many log entries (and
 *                        purge the log up to it)
 * @param segmentBytes    the size at which Ratis closes a log segment; only
 *                        closed segments are purged after a snapshot
 */
public record ClusterOptions(Duration electionTimeout, Duration commitTimeout, long snapshotEvery, long segmentBytes) {

    public static final Duration DEFAULT_ELECTION_TIMEOUT = Duration.ofMillis(1000);
    public static final Duration DEFAULT_COMMIT_TIMEOUT = Duration.ofSeconds(10);
    public static final long DEFAULT_SNAPSHOT_EVERY = 10_000;
    public static final long DEFAULT_SEGMENT_BYTES = 8L << 20;

    public ClusterOptions {
        if (electionTimeout.toMillis() < 10) throw new IllegalArgumentException("--election-timeout must be at least 10 ms");
        if (commitTimeout.toMillis() < 1) throw new IllegalArgumentException("--commit-timeout must be positive");
        if (snapshotEvery < 1) throw new IllegalArgumentException("--snapshot-every must be positive");
        if (segmentBytes < 1024) throw new IllegalArgumentException("--segment-bytes must be at least 1024");
    }

    public static ClusterOptions defaults() {
        return new ClusterOptions(DEFAULT_ELECTION_TIMEOUT, DEFAULT_COMMIT_TIMEOUT, DEFAULT_SNAPSHOT_EVERY,
                DEFAULT_SEGMENT_BYTES);
    }
}
