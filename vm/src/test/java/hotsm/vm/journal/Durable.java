package hotsm.vm.journal;

import hotsm.vm.bytecode.Artifact;
import hotsm.vm.node.CommandLog;
import hotsm.vm.node.NodeListener;
import hotsm.vm.node.NodeOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** Opening durable nodes in tests: a clock that moves a second per reading, so replay must use the journaled times. */
final class Durable {
    private Durable() {}

    static final JournalOptions QUICK = new JournalOptions(Fsync.NEVER, 4096, 1_000_000, Failpoints.NONE);

    static Clock tickingClock() {
        AtomicLong seconds = new AtomicLong(1_800_000_000L);
        return new Clock() {
            @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
            @Override public Clock withZone(java.time.ZoneId zone) { return this; }
            @Override public Instant instant() { return Instant.ofEpochSecond(seconds.getAndIncrement()); }
        };
    }

    static DurableNode open(Path dir, Artifact start, JournalOptions options) throws IOException {
        return DurableNode.open(dir, start, null, options,
                new NodeOptions(NodeOptions.DEFAULT_FUEL, CommandLog.NONE, NodeListener.NONE, tickingClock()),
                failure -> { });
    }
}
