package hotsm.cluster;

import hotsm.vm.bytecode.Artifact;
import hotsm.vm.bytecode.ArtifactCodec;
import hotsm.vm.bytecode.Identities;
import hotsm.vm.bytecode.Identity;
import hotsm.vm.node.Command;
import hotsm.vm.node.CommandLog;
import hotsm.vm.node.Node;
import hotsm.vm.node.NodeInfo;
import hotsm.vm.node.NodeOptions;
import hotsm.vm.node.NodeSnapshot;
import hotsm.vm.node.Refusal;
import hotsm.vm.node.StateView;
import hotsm.vm.node.StepResult;
import hotsm.vm.node.Version;
import hotsm.vm.node.VersionChange;
import hotsm.vm.protocol.Messages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.ratis.io.MD5Hash;
import org.apache.ratis.proto.RaftProtos.LogEntryProto;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftClientRequest;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.server.protocol.TermIndex;
import org.apache.ratis.server.raftlog.RaftLog;
import org.apache.ratis.server.storage.FileInfo;
import org.apache.ratis.server.storage.RaftStorage;
import org.apache.ratis.statemachine.StateMachineStorage;
import org.apache.ratis.statemachine.TransactionContext;
import org.apache.ratis.statemachine.impl.BaseStateMachine;
import org.apache.ratis.statemachine.impl.SimpleStateMachineStorage;
import org.apache.ratis.statemachine.impl.SingleFileSnapshotInfo;
import org.apache.ratis.thirdparty.com.google.protobuf.ByteString;
import org.apache.ratis.util.LifeCycle;
import org.apache.ratis.util.MD5FileUtil;

/**
 * The Ratis state machine of one member: a hotsm {@link Node} fed the
 * group's committed log entries in log order, through the same
 * {@link Command}s a single node runs. Ratis calls {@link #applyTransaction}
 * on one thread, entry after entry; each is applied wholly (the machine
 * thread's reply is awaited) before the next, so the clock the machine reads
 * ({@link EntryClock}, set from the entry) and the snapshot taken between two
 * entries are exact. Refusals are ordinary replies: every member refuses the
 * same entries.
 *
 * <p>Modelled on the Ratis examples' {@code CounterStateMachine}.
 */
final class MachineStateMachine extends BaseStateMachine {

    /** Told what only this member sees: its Init proposal's outcome, a snapshot installed from the leader. */
    interface Events {
        default void snapshotLoaded(long term, long index, boolean installed) { }
    }

    private final SimpleStateMachineStorage storage = new SimpleStateMachineStorage();
    private final EntryClock clock = new EntryClock();
    private final NodeOptions nodeOptions;
    private final Events events;
    /** Null until the group's Init entry is applied; replaced when a snapshot is loaded. */
    private volatile Node node;
    /** The running version, for status answers that must not wait on the machine thread. */
    private volatile Optional<String> running = Optional.empty();
    private volatile String clientAddress = "";

    MachineStateMachine(NodeOptions nodeOptions, Events events) {
        this.nodeOptions = nodeOptions;
        this.events = events;
    }

    void clientAddress(String hostPort) { clientAddress = hostPort; }

    @Override
    public void initialize(RaftServer server, RaftGroupId groupId, RaftStorage raftStorage) throws IOException {
        getLifeCycle().startAndTransition(() -> {
            super.initialize(server, groupId, raftStorage);
            storage.init(raftStorage);
            load(storage.loadLatestSnapshot(), false);
        });
    }

    /** Before Ratis installs a snapshot from the leader (it then calls {@link #reinitialize}). */
    @Override
    public void pause() {
        getLifeCycle().transition(LifeCycle.State.PAUSING);
        getLifeCycle().transition(LifeCycle.State.PAUSED);
    }

    /** After Ratis installed a snapshot from the leader: run from it. */
    @Override
    public void reinitialize() throws IOException {
        load(storage.loadLatestSnapshot(), true);
        if (getLifeCycleState() == LifeCycle.State.PAUSED) {
            getLifeCycle().transition(LifeCycle.State.STARTING);
            getLifeCycle().transition(LifeCycle.State.RUNNING);
        }
    }

    @Override
    public StateMachineStorage getStateMachineStorage() { return storage; }

    /** On the leader: stamp the leader's time into the entry (see {@link EntryCodec}). */
    @Override
    public TransactionContext startTransaction(RaftClientRequest request) throws IOException {
        byte[] message = request.getMessage().getContent().toByteArray();
        TransactionContext.Builder trx = TransactionContext.newBuilder().setStateMachine(this)
                .setClientRequest(request);
        try {
            if (!EntryCodec.decode(message).isWrite()) throw new IllegalArgumentException("a read sent as a write");
            trx.setLogData(ByteString.copyFrom(EntryCodec.stamp(message, nodeOptions.clock().millis())));
            return trx.build();
        } catch (IllegalArgumentException e) {
            TransactionContext refused = trx.setLogData(ByteString.EMPTY).build();
            refused.setException(e);
            return refused;
        }
    }

    @Override
    public CompletableFuture<Message> applyTransaction(TransactionContext trx) {
        LogEntryProto entry = trx.getLogEntry();
        Reply reply;
        try {
            reply = apply(EntryCodec.unstamp(entry.getStateMachineLogEntry().getLogData().toByteArray()));
        } catch (IllegalArgumentException e) {
            reply = new Reply.Refused(Refusal.Reason.PROTOCOL, "unreadable log entry " + entry.getIndex() + ": "
                    + e.getMessage());
        }
        updateLastAppliedTermIndex(entry.getTerm(), entry.getIndex());
        return CompletableFuture.completedFuture(Message.valueOf(ByteString.copyFrom(reply.encode())));
    }

    /** One case per write; each waits for the machine thread, so entries apply one at a time. */
    private Reply apply(EntryCodec.Stamped stamped) {
        clock.set(stamped.epochMillis());
        Entry e = stamped.entry();
        if (e instanceof Entry.Init init) return init(init.artifact());
        Node n = node;
        if (n == null) return notStarted();
        try {
            if (e instanceof Entry.Step s) {
                StepResult r = (StepResult) n.submit(new Command.Step(s.request().input(), s.request().speaking()))
                        .join();
                return new Reply.Ok(Messages.output(r));
            } else if (e instanceof Entry.Upgrade u) {
                return changed((VersionChange) n.submit(new Command.UpgradeFromBytes(u.artifact())).join());
            } else if (e instanceof Entry.Downgrade) {
                return changed((VersionChange) n.submit(new Command.Downgrade()).join());
            }
            throw new IllegalArgumentException("not a write: " + e);
        } catch (CompletionException failure) {
            return refusal(failure.getCause());
        }
    }

    private Reply changed(VersionChange c) {
        running = Optional.of(c.toName() + " " + c.to().shortHex());
        return new Reply.Ok(Messages.changed(c));
    }

    /** Start the machine if the group runs none; otherwise check the proposer's file is the group's first. */
    private Reply init(byte[] bytes) {
        Artifact artifact;
        try {
            artifact = ArtifactCodec.decode(bytes);
        } catch (RuntimeException e) {
            return new Reply.Refused(Refusal.Reason.BAD_VALUE, "The artifact could not be read: " + e.getMessage());
        }
        Identity proposed = Identities.of(artifact);
        Node n = node;
        if (n == null) {
            try {
                node = Node.start(artifact, machineOptions());
            } catch (RuntimeException e) {
                return new Reply.Refused(Refusal.Reason.BAD_VALUE, artifact.name() + " does not verify: "
                        + e.getMessage());
            }
            running = Optional.of(artifact.name() + " " + proposed.shortHex());
            return new Reply.Ok(("started " + artifact.name() + " " + proposed.shortHex())
                    .getBytes(StandardCharsets.UTF_8));
        }
        NodeInfo info = n.info().join();
        Version first = info.history().get(0);
        if (first.identity().equals(proposed)) {
            return new Reply.Ok(("the group started " + first.name() + " " + proposed.shortHex() + " and runs "
                    + info.name() + " " + info.identity().shortHex()).getBytes(StandardCharsets.UTF_8));
        }
        return new Reply.Refused(Refusal.Reason.BAD_VALUE, "the group was started from " + first.name() + " "
                + first.identity().shortHex() + ", not " + artifact.name() + " " + proposed.shortHex()
                + "; start this member with the group's file, or with none on a data directory it has used");
    }

    private static Reply notStarted() {
        return new Reply.Refused(Refusal.Reason.STOPPED, "The group has not started its machine yet.");
    }

    private static Reply refusal(Throwable cause) {
        if (cause instanceof Refusal r) return Reply.refused(r);
        return new Reply.Refused(Refusal.Reason.INTERNAL, "internal error in the node: " + cause);
    }

    /** Reads: after Ratis's read index (linearizable), or at once for a status. */
    @Override
    public CompletableFuture<Message> query(Message request) {
        Entry e;
        try {
            e = EntryCodec.decode(request.getContent().toByteArray());
        } catch (IllegalArgumentException bad) {
            return done(new Reply.Refused(Refusal.Reason.PROTOCOL, bad.getMessage()));
        }
        if (e instanceof Entry.ReadStatus) return done(new Reply.Ok(GroupView.encode(status())));
        Node n = node;
        if (n == null) return done(notStarted());
        CompletableFuture<byte[]> body;
        if (e instanceof Entry.ReadState) {
            body = n.state().thenApply(Messages::state);
        } else if (e instanceof Entry.ReadInfo) {
            body = n.info().thenApply(Messages::info);
        } else if (e instanceof Entry.ReadInterface r) {
            body = n.interfaceOf(r.identity()).thenApply(Messages::interfaceView);
        } else {
            return done(new Reply.Refused(Refusal.Reason.PROTOCOL, "not a read: " + e));
        }
        return body.<Reply>thenApply(Reply.Ok::new)
                .exceptionally(failure -> refusal(failure instanceof CompletionException c ? c.getCause() : failure))
                .thenApply(r -> Message.valueOf(ByteString.copyFrom(r.encode())));
    }

    private static CompletableFuture<Message> done(Reply r) {
        return CompletableFuture.completedFuture(Message.valueOf(ByteString.copyFrom(r.encode())));
    }

    /** What this member says about itself. */
    MemberStatus status() {
        String role = "STARTING";
        long term = 0;
        long commit = -1;
        Optional<String> leader = Optional.empty();
        try {
            RaftServer.Division d = getServer().join().getDivision(getGroupId());
            role = d.getInfo().getCurrentRole().name();
            term = d.getInfo().getCurrentTerm();
            commit = d.getRaftLog().getLastCommittedIndex();
            leader = Optional.ofNullable(d.getInfo().getLeaderId()).map(Object::toString);
        } catch (IOException | RuntimeException e) {
            // not started, or closing: say what is known
        }
        return new MemberStatus(getId() == null ? "?" : getId().toString(), role, term, leader, commit,
                getLastAppliedTermIndex().getIndex(), clientAddress, running);
    }

    /**
     * Between two entries (Ratis calls this on the applying thread): write the
     * machine's {@link NodeSnapshot} to a temporary file, force it, rename it
     * to Ratis's name for the last applied term and index.
     */
    @Override
    public long takeSnapshot() throws IOException {
        Node n = node;
        if (n == null) return RaftLog.INVALID_LOG_INDEX;
        NodeSnapshot snapshot = n.snapshot().join();
        TermIndex at = getLastAppliedTermIndex();
        Path file = storage.getSnapshotFile(at.getTerm(), at.getIndex()).toPath();
        Path tmp = file.resolveSibling(file.getFileName() + ".writing");
        try (var ch = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.TRUNCATE_EXISTING, java.nio.file.StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(SnapshotCodec.encode(snapshot, at.getIndex())));
            ch.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        MD5Hash md5 = MD5FileUtil.computeAndSaveMd5ForFile(file.toFile());
        storage.updateLatestSnapshot(new SingleFileSnapshotInfo(new FileInfo(file, md5), at));
        return at.getIndex();
    }

    /** Run from a snapshot file (at start, or after Ratis installed one); none: keep what runs. */
    private void load(SingleFileSnapshotInfo info, boolean installed) throws IOException {
        if (info == null) return;
        Path file = info.getFile().getPath();
        if (!Files.exists(file)) return;
        if (info.getFile().getFileDigest() != null) {
            MD5FileUtil.verifySavedMD5(file.toFile(), info.getFile().getFileDigest());
        }
        NodeSnapshot snapshot;
        try {
            snapshot = SnapshotCodec.decode(Files.readAllBytes(file)).snapshot();
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
        TermIndex at = SimpleStateMachineStorage.getTermIndexFromSnapshotFile(file.toFile());
        Node previous = node;
        node = Node.resume(snapshot, machineOptions());
        running = Optional.of(snapshot.artifact().name() + " " + snapshot.identity().shortHex());
        if (previous != null) previous.close();
        setLastAppliedTermIndex(at);
        events.snapshotLoaded(at.getTerm(), at.getIndex(), installed);
    }

    /** The running node, if the group has started one (for tests and the status line). */
    Optional<Node> node() { return Optional.ofNullable(node); }

    @Override
    public void close() throws IOException {
        super.close();
        Node n = node;
        if (n != null) n.close();
    }

    /** The member's options with the entry clock: what the machine reads for its version history. */
    private NodeOptions machineOptions() {
        return new NodeOptions(nodeOptions.fuel(), CommandLog.NONE, nodeOptions.listener(), clock);
    }
}
