package hotsm.cluster;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The clock a member's machine reads: set to the leader's time carried in
 * each log entry just before the entry is applied, so every member writes
 * the same times into its version history.
 */
final class EntryClock extends Clock {
    private volatile Instant now = Instant.EPOCH;

    void set(long epochMillis) { now = Instant.ofEpochMilli(epochMillis); }

    @Override public Instant instant() { return now; }

    @Override public ZoneId getZone() { return ZoneOffset.UTC; }

    @Override public Clock withZone(ZoneId zone) { return this; }
}
