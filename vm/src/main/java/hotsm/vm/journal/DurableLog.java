package hotsm.vm.journal;

import hotsm.vm.node.Command;
import hotsm.vm.node.CommandLog;
import hotsm.vm.node.NodeSnapshot;
import hotsm.vm.node.SnapshotWritten;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * The node's {@link CommandLog} for a data directory: each command that
 * changed the node becomes a record handed to the {@link Journal} before the
 * swap; each reply waits for the records before it; every
 * {@code snapshotEvery} records, and on request, a snapshot follows. While
 * recovery replays (before {@link #goLive}) it records nothing: the records
 * are already on disk.
 */
final class DurableLog implements CommandLog {
    private final DataDir dir;
    private final JournalOptions options;
    private volatile Journal journal;
    /** Machine thread only. */
    private long sinceSnapshot;

    DurableLog(DataDir dir, JournalOptions options) {
        this.dir = dir;
        this.options = options;
    }

    /** Replay is over: journal from now on. */
    void goLive(Journal j) {
        journal = j;
    }

    /** Whether replay is over. */
    boolean live() {
        return journal != null;
    }

    @Override public void append(Command command) {
        // Nothing: records are written at commit, once the command is known to change the node.
    }

    @Override public void commit(Command command, Instant time, NodeSnapshot next, Runnable swap) {
        record(command, time, next, null, swap);
    }

    /** As {@link #commit}; the snapshot the step leaves is built only when a periodic snapshot is due. */
    @Override public void commitStep(Command command, java.util.function.Supplier<NodeSnapshot> next, Runnable swap) {
        record(command, null, null, next, swap);
    }

    /** Journals the command, swaps, and writes a snapshot if one is due: {@code next}, or if null {@code later}'s. */
    private void record(Command command, Instant time, NodeSnapshot next,
                        java.util.function.Supplier<NodeSnapshot> later, Runnable swap) {
        Journal j = journal;
        if (j == null) {
            swap.run();
            return;
        }
        byte[] payload = CommandCodec.encode(command, time);
        failpoint(Failpoints.Point.BEFORE_WRITE, payload[0]);
        j.append(payload);
        swap.run();
        failpoint(Failpoints.Point.AFTER_SWAP, payload[0]);
        if (++sinceSnapshot >= options.snapshotEvery()) {
            sinceSnapshot = 0;
            j.snapshot(next != null ? next : later.get(), j.appended());
        }
    }

    @Override public void answer(CompletableFuture<Object> reply, Object result, Throwable failure) {
        Journal j = journal;
        if (j == null) CommandLog.super.answer(reply, result, failure);
        else j.answer(reply, result, failure);
    }

    @Override public SnapshotWritten writeSnapshot(NodeSnapshot now) {
        Journal j = journal;
        long position = j.appended();
        j.snapshot(now, position);
        sinceSnapshot = 0;
        return new SnapshotWritten(position, dir.snapshot(position).toString());
    }

    private void failpoint(Failpoints.Point p, byte kind) {
        try {
            options.failpoints().reached(p, kind & 0xFF);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
