package hotsm.vm.journal;

import hotsm.vm.node.NodeSnapshot;
import hotsm.vm.node.Refusal;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The write side of a journal: one producer (the machine thread) hands
 * records, replies and snapshots to a bounded queue; one writer thread takes
 * everything queued, writes it with one {@code write}, forces once (group
 * commit: records that arrive during a force share the next one), and only
 * then sends the replies queued behind those records. The producer blocks only
 * when the queue is full.
 *
 * <p>A write or force that fails stops the journal for good (the PostgreSQL
 * fsync lesson: after a failed fsync the page cache cannot be trusted): every
 * waiting reply fails, later commands are refused, and {@code onFailure} is
 * told once, with a message naming the file.
 */
public final class Journal implements AutoCloseable {
    /** Enough to keep the disk busy; a full queue blocks the machine thread (back pressure). */
    static final int QUEUE = 4096;

    private sealed interface Job permits Append, Reply, Snapshot, Stop {}
    private record Append(long index, byte[] payload) implements Job {}
    private record Reply(CompletableFuture<Object> reply, Object result, Throwable failure) implements Job {}
    private record Snapshot(NodeSnapshot snapshot, long position) implements Job {}
    private record Stop() implements Job {}

    private final DataDir dir;
    private final ArtifactStore store;
    private final JournalOptions options;
    private final Consumer<String> onFailure;
    private final ArrayBlockingQueue<Job> queue = new ArrayBlockingQueue<>(QUEUE);
    private final Thread writer;

    // Producer side (machine thread).
    private long appended;
    private long jobsQueued;

    // Writer side.
    private FileChannel segment;
    private long segmentFirst;
    private long segmentSize;
    private boolean unforced;
    private long lastForceNanos = System.nanoTime();
    private volatile long jobsDone;
    private volatile long forces;
    private volatile String failure;
    /** What the writer is doing, for the message if it fails: {@code write the journal FILE}. */
    private String doing = "start";

    /**
     * Start writing after the records recovery found.
     *
     * @param next         the index of the next record
     * @param lastSegment  the newest segment's first index and good length, or null to begin a new one at {@code next}
     */
    Journal(DataDir dir, ArtifactStore store, JournalOptions options, long next, DataDir.Numbered lastSegment,
            long lastSegmentEnd, Consumer<String> onFailure) throws IOException {
        this.dir = dir;
        this.store = store;
        this.options = options;
        this.onFailure = onFailure;
        this.appended = next;
        if (lastSegment == null) {
            begin(next);
        } else {
            segment = FileChannel.open(lastSegment.file(), StandardOpenOption.WRITE);
            segment.position(lastSegmentEnd);
            segmentFirst = lastSegment.number();
            segmentSize = lastSegmentEnd;
        }
        writer = new Thread(this::run, "hotsm-journal-writer");
        writer.setDaemon(true);
        writer.start();
    }

    /** The number of records appended so far: the index the next one gets. */
    public long appended() { return appended; }

    /** How many forces ({@code fsync}) the writer has made: far fewer than records under load (group commit). */
    public long forces() { return forces; }

    /** Why the journal stopped, or null while it works. */
    public String failure() { return failure; }

    /** Hand a record to the writer (machine thread); its index. */
    public long append(byte[] payload) {
        checkWorking();
        put(new Append(appended, payload));
        return appended++;
    }

    /** Complete {@code reply} once every record appended before it is durable (machine thread). */
    public void answer(CompletableFuture<Object> reply, Object result, Throwable failure) {
        if (this.failure == null && jobsDone == jobsQueued) {
            complete(new Reply(reply, result, failure));   // nothing is waiting: answer now, in order
            return;
        }
        put(new Reply(reply, result, failure));
        if (this.failure != null) failQueued();
    }

    /** Write {@code s}, which includes records {@code 0..position-1}, as a snapshot (machine thread). */
    public void snapshot(NodeSnapshot s, long position) {
        checkWorking();
        put(new Snapshot(s, position));
    }

    private void checkWorking() {
        String f = failure;
        if (f != null) throw stopped(f);
    }

    private static Refusal stopped(String why) {
        return new Refusal(Refusal.Reason.STOPPED, "The node has stopped: " + why);
    }

    private void put(Job job) {
        jobsQueued++;
        try {
            while (!queue.offer(job, 100, TimeUnit.MILLISECONDS)) {
                if (failure != null) {
                    failQueued();
                    if (job instanceof Reply r) complete(new Reply(r.reply(), null, stopped(failure)));
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Refusal(Refusal.Reason.STOPPED, "The node is stopping.");
        }
    }

    /** Force what is written and stop the writer; later records are refused. */
    @Override public void close() {
        if (writer.isAlive()) {
            try {
                queue.put(new Stop());
                writer.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        failQueued();
    }

    // ---- the writer thread ----

    private void run() {
        List<Job> batch = new ArrayList<>();
        List<Reply> replies = new ArrayList<>();
        try {
            while (true) {
                Job first = unforced && options.fsync().mode() == Fsync.Mode.BATCH
                        ? queue.poll(Math.max(0, lastForceNanos + options.fsync().millis() * 1_000_000
                                - System.nanoTime()), TimeUnit.NANOSECONDS)
                        : queue.take();
                if (first == null) {   // the batch interval is up
                    force();
                    continue;
                }
                batch.clear();
                batch.add(first);
                queue.drainTo(batch, QUEUE);
                boolean stop = false;
                List<byte[]> pending = new ArrayList<>();
                List<Integer> kinds = new ArrayList<>();
                long pendingBytes = 0;
                for (Job job : batch) {
                    if (job instanceof Append a) {
                        long size = Segment.RECORD_HEADER + a.payload().length;
                        if (segmentSize + pendingBytes + size > options.segmentBytes()
                                && segmentSize + pendingBytes > Segment.HEADER) {
                            write(pending, pendingBytes);
                            pending.clear();
                            pendingBytes = 0;
                            roll(a.index());
                        }
                        pending.add(a.payload());
                        kinds.add(a.payload()[0] & 0xFF);
                        pendingBytes += size;
                    } else if (job instanceof Reply r) {
                        replies.add(r);
                    } else if (job instanceof Snapshot s) {
                        write(pending, pendingBytes);
                        pending.clear();
                        pendingBytes = 0;
                        writeSnapshot(s);
                    } else {
                        stop = true;
                    }
                }
                write(pending, pendingBytes);
                if (options.fsync().mode() == Fsync.Mode.ALWAYS
                        || options.fsync().mode() == Fsync.Mode.BATCH
                        && System.nanoTime() - lastForceNanos >= options.fsync().millis() * 1_000_000) {
                    force();
                }
                for (int kind : kinds) options.failpoints().reached(Failpoints.Point.AFTER_WRITE, kind);
                for (Reply r : replies) complete(r);
                replies.clear();
                jobsDone += batch.size();
                if (stop) {
                    force();   // a clean stop leaves everything on disk, whatever the mode
                    segment.close();
                    return;
                }
            }
        } catch (Throwable t) {
            fail(t, replies);
        }
    }

    private void write(List<byte[]> payloads, long bytes) throws IOException {
        if (payloads.isEmpty()) return;
        ByteBuffer b = ByteBuffer.allocate(Math.toIntExact(bytes));
        for (byte[] p : payloads) b.putInt(p.length).putInt(Segment.crc(p)).put(p);
        b.flip();
        doing = "write the journal " + dir.segment(segmentFirst);
        options.failpoints().reached(Failpoints.Point.WRITE, 0);
        while (b.hasRemaining()) segment.write(b);
        segmentSize += bytes;
        unforced = true;
    }

    private void force() throws IOException {
        if (!unforced) return;
        doing = "force (fsync) the journal " + dir.segment(segmentFirst);
        options.failpoints().reached(Failpoints.Point.FORCE, 0);
        segment.force(false);
        unforced = false;
        lastForceNanos = System.nanoTime();
        forces++;
    }

    /** Close the full segment (forced) and begin the next one at record {@code next}. */
    private void roll(long next) throws IOException {
        if (options.fsync().mode() != Fsync.Mode.NEVER) force();
        segment.close();
        begin(next);
    }

    private void begin(long first) throws IOException {
        doing = "create the journal segment " + dir.segment(first);
        segment = FileChannel.open(dir.segment(first), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        ByteBuffer h = Segment.header(first);
        while (h.hasRemaining()) segment.write(h);
        segmentFirst = first;
        segmentSize = Segment.HEADER;
        segment.force(true);
        DataDir.forceDirectory(dir.path());
    }

    /**
     * Force the journal up to the snapshot's position (whatever the fsync mode:
     * a snapshot must never get ahead of the records it replaces), store its
     * artifacts, write it atomically, then drop what it made unnecessary.
     */
    private void writeSnapshot(Snapshot s) throws IOException {
        unforced = true;
        force();
        doing = "store the artifacts in " + dir.artifacts();
        byte[] bytes = SnapshotCodec.encode(s.snapshot(), s.position(), store::put);
        doing = "write the snapshot " + dir.snapshot(s.position());
        DataDir.writeAtomically(dir.snapshot(s.position()), bytes);
        doing = "delete old snapshots and segments in " + dir.path();
        Retention.prune(dir, segmentFirst);
    }

    private void complete(Reply r) {
        if (r.failure() == null) r.reply().complete(r.result());
        else r.reply().completeExceptionally(r.failure());
    }

    private void fail(Throwable t, List<Reply> replies) {
        String what = t instanceof IOException || t instanceof java.io.UncheckedIOException
                ? "cannot " + doing + " (" + t.getMessage() + ")"
                : "the journal writer failed to " + doing + ": " + t;
        failure = what + "; every acknowledged change is on disk, restart the node to recover";
        for (Reply r : replies) complete(new Reply(r.reply(), null, stopped(failure)));
        failQueued();
        try {
            segment.close();
        } catch (IOException | RuntimeException ignored) {
            // already failing
        }
        onFailure.accept(failure);
    }

    /** Fail every reply still queued (once the journal has failed). */
    private void failQueued() {
        for (Job j; (j = queue.poll()) != null; ) {
            if (j instanceof Reply r) complete(new Reply(r.reply(), null, stopped(failure == null ? "closed" : failure)));
        }
    }
}
