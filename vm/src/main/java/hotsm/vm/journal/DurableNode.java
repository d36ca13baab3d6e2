package hotsm.vm.journal;

import hotsm.vm.bytecode.Artifact;
import hotsm.vm.bytecode.Identities;
import hotsm.vm.bytecode.Identity;
import hotsm.vm.node.Node;
import hotsm.vm.node.NodeInfo;
import hotsm.vm.node.NodeOptions;
import hotsm.vm.node.NodeSnapshot;
import hotsm.vm.node.Version;
import hotsm.vm.value.Value;
import hotsm.vm.verify.VerifyException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A {@link Node} kept in a data directory: opened fresh from an artifact, or
 * recovered from the newest valid snapshot and the journal after it
 * ({@link Recovery}); then every change is journaled before it is
 * acknowledged. The directory is locked while it is open.
 */
public final class DurableNode implements AutoCloseable {

    /**
     * How the node came up, for its first lines.
     *
     * @param fresh    whether the directory held no node (so it started from the artifact given)
     * @param position the snapshot it started from covers records 0..position-1
     * @param replayed records replayed after that snapshot
     * @param notes    what recovery repaired or skipped (a torn tail cut off, a damaged snapshot passed over)
     */
    public record Opened(boolean fresh, long position, long replayed, List<String> notes) {}

    private final DataDirLock lock;
    private final Node node;
    private final Journal journal;
    private final Opened opened;

    private DurableNode(DataDirLock lock, Node node, Journal journal, Opened opened) {
        this.lock = lock;
        this.node = node;
        this.journal = journal;
        this.opened = opened;
    }

    /**
     * Open {@code dir}: start {@code start} there if it holds no node, else resume the node it holds.
     *
     * @param start     the machine to start on a fresh directory; null to require a node there. On a
     *                  directory that holds one it must be a version that node has run (or null)
     * @param state     a state to start a fresh node from instead of the artifact's initial state, or null
     * @param onFailure told once if a write or force fails (the node then refuses every request)
     * @throws JournalException when the directory cannot be used or recovery stops (the message says why and where)
     * @throws VerifyException  if {@code start} does not verify or {@code state} does not fit its state type
     */
    public static DurableNode open(Path dir, Artifact start, Value state, JournalOptions journalOptions,
                                   NodeOptions nodeOptions, Consumer<String> onFailure) throws IOException {
        DataDir data = new DataDir(dir);
        DataDirLock lock = DataDirLock.acquire(data);
        try {
            return open(data, lock, start, state, journalOptions, nodeOptions, onFailure);
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    private static DurableNode open(DataDir data, DataDirLock lock, Artifact start, Value state,
                                    JournalOptions journalOptions, NodeOptions nodeOptions,
                                    Consumer<String> onFailure) throws IOException {
        data.removeTemporaries();
        ArtifactStore store = new ArtifactStore(data.artifacts());
        DurableLog log = new DurableLog(data, journalOptions);
        // Replayed steps are not news: the listener (sm node --trace) hears only what happens once the node is live.
        NodeOptions withLog = nodeOptions.withLog(log).withListener(new QuietWhileReplaying(log, nodeOptions.listener()));
        if (Recovery.isFresh(data)) {
            if (start == null) {
                throw new JournalException(data.path() + " holds no node yet: give the machine to start there");
            }
            Identity id = Identities.of(start);
            NodeSnapshot first = NodeSnapshot.started(start, id, state != null ? state : start.initialState(),
                    nodeOptions.clock().instant());
            Node node = Node.resume(first, withLog);   // verifies the artifact and the state
            Journal journal = new Journal(data, store, journalOptions, 0, null, 0, onFailure);
            journal.snapshot(first, 0);
            CompletableFuture<Object> written = new CompletableFuture<>();
            journal.answer(written, null, null);
            try {
                written.join();
            } catch (java.util.concurrent.CompletionException e) {
                node.close();
                journal.close();
                throw new JournalException("cannot start a node in " + data.path() + ": " + e.getCause().getMessage());
            }
            log.goLive(journal);
            return new DurableNode(lock, node, journal, new Opened(true, 0, 0, List.of()));
        }
        if (state != null) {
            throw new JournalException(data.path() + " already holds a node; an initial state is only for a fresh one");
        }
        Recovery.Result r = Recovery.recover(data, store, withLog);
        try {
            if (start != null) requireRun(data, r.node().info().join(), start);
            Journal journal = new Journal(data, store, journalOptions, r.next(), r.lastSegment(), r.lastSegmentEnd(),
                    onFailure);
            log.goLive(journal);
            return new DurableNode(lock, r.node(), journal, new Opened(false, r.position(), r.replayed(), r.notes()));
        } catch (IOException | RuntimeException e) {
            r.node().close();
            throw e;
        }
    }

    /** A FILE given with a directory that holds a node must be one of the versions it has run. */
    private static void requireRun(DataDir data, NodeInfo info, Artifact start) {
        Identity id = Identities.of(start);
        if (info.history().stream().anyMatch(v -> v.identity().equals(id))) return;
        List<String> versions = info.history().stream().map(v -> v.name() + " " + v.identity().shortHex())
                .distinct().toList();
        throw new JournalException(data.path() + " holds a node running " + info.name() + " "
                + info.identity().shortHex() + (versions.size() > 1 ? " (it has run " + String.join(", ", versions)
                + ")" : "") + ", not " + start.name() + " " + id.shortHex()
                + ": omit the file to resume that node, or use another data directory");
    }

    public Node node() { return node; }

    /** The journal, for its counters ({@link Journal#appended()}, {@link Journal#forces()}). */
    public Journal journal() { return journal; }

    public Opened opened() { return opened; }

    /** The lines a node prints after it resumed (none for a fresh one). */
    public List<String> describe(Path dir) {
        List<String> lines = new ArrayList<>();
        if (opened.fresh()) return lines;
        NodeInfo info = node.info().join();
        Version running = info.history().get(info.history().size() - 1);
        lines.add("resumed " + info.name() + " " + info.identity().shortHex() + " from " + dir + ": snapshot at record "
                + opened.position() + ", " + opened.replayed() + " record" + (opened.replayed() == 1 ? "" : "s")
                + " replayed; running since " + running.since());
        lines.addAll(opened.notes());
        return lines;
    }

    /** Stop the node after the commands already queued, force the journal, release the directory. */
    @Override public void close() {
        node.close();
        journal.close();
        lock.close();
    }
}
