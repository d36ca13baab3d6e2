package hotsm.vm.node;

import hotsm.vm.bytecode.Artifact;
import hotsm.vm.bytecode.Identities;
import hotsm.vm.bytecode.Identity;
import hotsm.vm.trust.ReleaseSignature;
import hotsm.vm.trust.Signer;
import hotsm.vm.value.Value;
import hotsm.vm.value.Values;
import hotsm.vm.verify.Verifier;
import hotsm.vm.verify.VerifyException;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * A running machine that many threads may step, read and upgrade. All
 * commands go through one ordered queue to the machine thread, which owns the
 * {@link NodeSnapshot}; each public method enqueues a command and returns a
 * future completed by the machine thread (exceptionally with a
 * {@link Refusal} when the node says no; the node is then unchanged).
 */
public final class Node implements NodeService, AutoCloseable {

    /**
     * A queued command; {@code time} is null (read the clock) except for a replayed journal record.
     * {@code prepared}: an upgrade's work done before it entered the queue, or null.
     */
    private record Pending(Command command, CompletableFuture<Object> reply, Instant time, long fuel,
                           PreparedUpgrade prepared) {}

    private static final Pending STOP = new Pending(new Command.ReadInfo(), new CompletableFuture<>(), null, 1, null);

    private final NodeOptions options;
    /** What the machine thread owns and applies commands to. */
    private final Machine machine;
    /** The one ordered queue: any thread adds (no lock), the machine thread takes; see {@link #put}. */
    private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
    /** Whether the machine thread has found the queue empty and parks (or is about to): then {@link #put} wakes it. */
    private volatile boolean idle;
    private final Thread machineThread;
    private volatile boolean stopped;
    /** Set by {@link #stop}: queued commands are refused, not run. */
    private volatile boolean stopping;
    /** For tests: the name of the thread that last prepared an upgrade. */
    private volatile String lastPreparedOn;

    private Node(NodeSnapshot start, NodeOptions options) {
        this.options = options;
        this.machine = new Machine(start, options);
        // A roomy stack: values are walked recursively along their left nesting (checks, the trace printer).
        this.machineThread = new Thread(null, this::run, "hotsm-machine-" + start.artifact().name(), 64L << 20);
        machineThread.setDaemon(true);
    }

    /**
     * Verify {@code artifact} and start running it from its initial state.
     *
     * @throws VerifyException if the artifact is not type-correct (or its initial state does not fit its state type)
     */
    public static Node start(Artifact artifact, NodeOptions options) throws VerifyException {
        return start(artifact, options, Optional.empty());
    }

    /**
     * The same from a signed release (docs/security.md): the history's first
     * entry records who signed it, so later changes need a higher release.
     */
    public static Node start(Artifact artifact, NodeOptions options, Optional<Signer> signedBy) throws VerifyException {
        Verifier.verify(artifact);
        Identity id = Identities.of(artifact);
        Node node = new Node(NodeSnapshot.started(artifact, id, artifact.initialState(), options.clock().instant(),
                signedBy), options);
        node.machineThread.start();
        return node;
    }

    /**
     * Start from a snapshot another node took ({@link #snapshot()}): same
     * version, state, history and known artifacts.
     *
     * @throws VerifyException if the snapshot's artifact does not verify or its state does not fit
     */
    public static Node resume(NodeSnapshot snapshot, NodeOptions options) {
        Verifier.verify(snapshot.artifact());
        if (!Values.conforms(snapshot.state(), snapshot.artifact().state().erase())) {
            throw new VerifyException("snapshot", "", "the state is not a value of the state type "
                    + snapshot.artifact().state());
        }
        Node node = new Node(snapshot, options);
        node.machineThread.start();
        return node;
    }

    /** Run one input of the running machine's input type. */
    public CompletableFuture<StepResult> step(Value input) {
        return stepped(submit(new Command.Step(input, Optional.empty())));
    }

    /** Run one input from a client speaking the interface of version {@code speaking} (null: the running one). */
    @Override
    public CompletableFuture<StepResult> step(Value input, Identity speaking) {
        return stepped(submit(new Command.Step(input, speaking == null ? Optional.empty() : Optional.of(speaking))));
    }

    /**
     * A step's reply as it is: the machine thread completes it with a {@link StepResult} or a failure,
     * so no second future is chained on per step.
     */
    @SuppressWarnings("unchecked")
    private static CompletableFuture<StepResult> stepped(CompletableFuture<Object> reply) {
        return (CompletableFuture<StepResult>) (CompletableFuture<?>) reply;
    }

    public CompletableFuture<VersionChange> upgrade(Artifact artifact) {
        return submit(new Command.Upgrade(artifact)).thenApply(VersionChange.class::cast);
    }

    /** Upgrade from a {@code .cam} file's bytes; bytes that do not decode are refused like a bad artifact. */
    @Override
    public CompletableFuture<VersionChange> upgrade(byte[] artifact) {
        return submit(new Command.UpgradeFromBytes(artifact.clone())).thenApply(VersionChange.class::cast);
    }

    @Override
    public CompletableFuture<VersionChange> downgrade() {
        return submit(new Command.Downgrade()).thenApply(VersionChange.class::cast);
    }

    /** Upgrade from a {@code .cam} file's bytes, with the release signature that authorises it. */
    @Override
    public CompletableFuture<VersionChange> upgrade(byte[] artifact, ReleaseSignature signature) {
        return submit(new Command.Signed(new Command.UpgradeFromBytes(artifact.clone()), signature))
                .thenApply(VersionChange.class::cast);
    }

    /** Downgrade, with the release signature that authorises it. */
    @Override
    public CompletableFuture<VersionChange> downgrade(ReleaseSignature signature) {
        return submit(new Command.Signed(new Command.Downgrade(), signature)).thenApply(VersionChange.class::cast);
    }

    @Override
    public CompletableFuture<StateView> state() {
        return submit(new Command.ReadState()).thenApply(StateView.class::cast);
    }

    @Override
    public CompletableFuture<NodeInfo> info() {
        return submit(new Command.ReadInfo()).thenApply(NodeInfo.class::cast);
    }

    /** Everything the node knows, taken between two commands: a consistent checkpoint. */
    public CompletableFuture<NodeSnapshot> snapshot() {
        return submit(new Command.ReadSnapshot()).thenApply(NodeSnapshot.class::cast);
    }

    /** The types a client speaking {@code identity} uses; refused if the node cannot adapt it. */
    @Override
    public CompletableFuture<InterfaceView> interfaceOf(Identity identity) {
        return submit(new Command.ReadInterface(identity)).thenApply(InterfaceView.class::cast);
    }

    /**
     * Enqueue any command; the future holds the reply ({@link StepResult},
     * {@link VersionChange}, {@link StateView}, {@link NodeInfo},
     * {@link NodeSnapshot} or {@link InterfaceView}). Replaying the commands a
     * {@link CommandLog} recorded (those that {@link Command#changesNode()})
     * on a node started from the same artifact rebuilds the same node.
     */
    public CompletableFuture<Object> submit(Command command) {
        return enqueue(command, null, options.fuel());
    }

    /**
     * Apply a command a journal recorded as having changed the node, at the
     * time it recorded and with no step limit (it succeeded once, and the
     * machine is deterministic): recovery and replication rebuild the node so.
     */
    public CompletableFuture<Object> replay(Command command, Instant time) {
        return enqueue(command, java.util.Objects.requireNonNull(time), Long.MAX_VALUE);
    }

    /** Write a snapshot to the node's data directory (a node without one refuses). */
    @Override
    public CompletableFuture<SnapshotWritten> writeSnapshot() {
        return submit(new Command.WriteSnapshot()).thenApply(SnapshotWritten.class::cast);
    }

    private CompletableFuture<Object> enqueue(Command command, Instant time, long fuel) {
        CompletableFuture<Object> reply = new CompletableFuture<>();
        if (stopped) {
            reply.completeExceptionally(stoppedRefusal());
            return reply;
        }
        PreparedUpgrade prepared = PreparedUpgrade.ahead(command, options, machine.lastVersion(), fuel);
        if (prepared != null) lastPreparedOn = Thread.currentThread().getName();
        put(new Pending(command, reply, time, fuel, prepared));
        if (stopped) drain();
        return reply;
    }

    /** Stop the machine thread after the commands already queued; later ones are refused. */
    @Override
    public void close() {
        if (stopped) return;
        stopped = true;
        put(STOP);
        try {
            machineThread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        drain();
    }

    /**
     * Stop as {@code sm node} does on SIGTERM: refuse new commands, answer
     * every queued one with "The node is stopping." (a {@link Refusal} with
     * reason STOPPED), let at most the command already running finish, and
     * return within {@code bound}.
     *
     * @return whether the machine thread ended within the bound (it is a daemon; a step still
     *         running past it is abandoned with the process)
     */
    public boolean stop(java.time.Duration bound) {
        stopping = true;
        stopped = true;
        drain(STOPPING);
        put(STOP);
        try {
            machineThread.join(Math.max(1, bound.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        drain(STOPPING);
        return !machineThread.isAlive();
    }

    private static final String STOPPING = "The node is stopping.";

    /**
     * Add to the queue, waking the machine thread if it parks. With {@link #awaitCommand} this is the
     * usual pairing of a volatile flag and a lock-free queue: each side writes its own (the command;
     * {@link #idle}) before it reads the other's, so a command is never left in the queue of a parked
     * machine thread.
     */
    private void put(Pending p) {
        queue.add(p);
        if (idle) LockSupport.unpark(machineThread);
    }

    /** The machine thread, out of commands: park until {@link #put} adds one. */
    private void awaitCommand() {
        idle = true;
        if (queue.isEmpty()) LockSupport.park(this);
        idle = false;
        Thread.interrupted();   // only close() stops the machine thread
    }

    /** Commands the machine thread takes from the queue at once before it answers them, in order. */
    private static final int BATCH = 256;

    private void run() {
        java.util.ArrayList<Pending> batch = new java.util.ArrayList<>(BATCH);
        while (true) {
            Pending first = queue.poll();
            if (first == null) {
                awaitCommand();
                continue;
            }
            batch.add(first);
            for (Pending next; batch.size() < BATCH && (next = queue.poll()) != null; ) batch.add(next);
            for (int i = 0; i < batch.size(); i++) {
                Pending p = batch.get(i);
                if (p == STOP) {
                    // Queued after STOP by a thread that had not yet seen the node stopped: refused as drain() would.
                    for (int k = i + 1; k < batch.size(); k++) batch.get(k).reply().completeExceptionally(stoppedRefusal());
                    return;
                }
                handle(p);
            }
            batch.clear();
        }
    }

    private void handle(Pending p) {
        if (stopping) {
            p.reply().completeExceptionally(new Refusal(Refusal.Reason.STOPPED, STOPPING));
            return;
        }
        Object result = null;
        Throwable failure = null;
        try {
            options.log().append(p.command());
            result = machine.apply(p.command(), p.time(), p.fuel(), p.prepared());
        } catch (Refusal r) {
            failure = r;
        } catch (Throwable e) {
            // Nothing kills the machine thread, not even OutOfMemoryError: this command fails
            // (its reply says so), the event is logged, the node keeps serving with its state.
            EventLog.log("the machine thread failed on " + p.command().getClass().getSimpleName()
                    + "; the node is unchanged", e);
            failure = e;
        }
        // The log answers once every record before this reply is durable (at once without a journal).
        try {
            options.log().answer(p.reply(), result, failure);
        } catch (Throwable e) {
            EventLog.log("answering " + p.command().getClass().getSimpleName() + " failed", e);
            p.reply().completeExceptionally(e);
        }
    }

    private void drain() {
        Pending p;
        while ((p = queue.poll()) != null) p.reply().completeExceptionally(stoppedRefusal());
    }

    private void drain(String message) {
        Pending p;
        while ((p = queue.poll()) != null) {
            if (p != STOP) p.reply().completeExceptionally(new Refusal(Refusal.Reason.STOPPED, message));
        }
    }

    private static Refusal stoppedRefusal() {
        return new Refusal(Refusal.Reason.STOPPED, "The node has stopped.");
    }

    /** For tests: the name of the thread that prepared the last upgrade (null before any). */
    String lastPreparedOn() {
        return lastPreparedOn;
    }

}
