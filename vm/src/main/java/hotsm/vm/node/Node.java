package hotsm.vm.node;

import hotsm.vm.bytecode.Artifact;
import hotsm.vm.bytecode.Identities;
import hotsm.vm.bytecode.Identity;
import hotsm.vm.protocol.Transport;
import hotsm.vm.trust.ReleaseSignature;
import hotsm.vm.trust.Signer;
import hotsm.vm.value.Value;
import hotsm.vm.value.Values;
import hotsm.vm.verify.Verifier;
import hotsm.vm.verify.VerifyException;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A running machine that many threads may step, read and upgrade. All
 * commands go through one ordered queue to the machine thread, which owns the
 * {@link NodeSnapshot}; each public method enqueues a command and returns a
 * future completed by the machine thread (exceptionally with a
 * {@link Refusal} when the node says no; the node is then unchanged).
 *
 * <p>The machine thread is a Netty event loop of the node's own ({@link #eventLoop()}), one thread
 * per node as an Erlang process is. The queue stays the one order of commands: the loop runs it as
 * a task, whoever added them. Whoever runs commands <em>owns</em> the machine ({@link #owned}), one
 * thread at a time: the machine thread, or a server's I/O thread that asked for a step ({@link
 * #serveStep}) when the machine was idle and nothing was queued, which then runs it itself if it is
 * short (at most {@link #INLINE_FUEL}) and answers it with no hand-off between threads; anything
 * longer, or anything else, is handed to the machine thread in its place in the order.
 */
public final class Node implements NodeService, AutoCloseable {

    /**
     * A queued command; {@code time} is null (read the clock) except for a replayed journal record.
     * {@code prepared}: an upgrade's work done before it entered the queue, or null.
     */
    private record Pending(Command command, CompletableFuture<Object> reply, Instant time, long fuel,
                           PreparedUpgrade prepared, boolean served) {}

    private static final Pending STOP = new Pending(new Command.ReadInfo(), new CompletableFuture<>(), null, 1, null,
            false);

    private final NodeOptions options;
    /** What the machine thread owns and applies commands to. */
    private final Machine machine;
    /** The one ordered queue: any thread adds (no lock), the machine thread takes; see {@link #put}. */
    private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
    /** The machine thread: an event loop of its own (a group of one). */
    private final EventLoopGroup loopGroup;
    private final EventLoop loop;
    /**
     * Whether some thread owns the machine: a task that runs the queue is scheduled on the loop or running,
     * or a server's I/O thread is running commands itself ({@link #serveStep}); see {@link #put}.
     */
    private final AtomicBoolean owned = new AtomicBoolean();
    /**
     * Whether a server's I/O thread may run short steps itself: only with no journal (nothing to wait for
     * or write in order) and no listener (told on the machine thread, and maybe slow).
     */
    private final boolean inline;
    /**
     * The machine thread's replies not yet sent, or null (a node with a journal or a listener): each is then
     * answered at once, through the log.
     */
    private final HeldReplies held;
    /** For tests: the thread that ran the last command (written by its owner before it answers). */
    private Thread lastRanOn;
    private final Runnable runQueue = this::runQueue;
    /** Counted down when the machine thread takes {@link #STOP}: it runs no command after that. */
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean stopped;
    /** Set by {@link #stop}: queued commands are refused, not run. */
    private volatile boolean stopping;
    /** For tests: the name of the thread that last prepared an upgrade. */
    private volatile String lastPreparedOn;

    private Node(NodeSnapshot start, NodeOptions options) {
        this.options = options;
        this.machine = new Machine(start, options);
        // A roomy stack: values are walked recursively along their left nesting (checks, the trace printer).
        this.loopGroup = Transport.machineLoop("hotsm-machine-" + start.artifact().name(), 64L << 20);
        this.loop = loopGroup.next();
        this.inline = options.log() == CommandLog.NONE && options.listener() == NodeListener.NONE;
        this.held = inline ? new HeldReplies() : null;
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

    /**
     * A version change's reply as it is, as for {@link #stepped}: the machine thread completes it with a
     * {@link VersionChange} or a failure. No dependent is chained on, so the machine thread's completion of
     * it in the upgrade's turn runs no code that steps' replies never ran (docs/performance.md).
     */
    @SuppressWarnings("unchecked")
    private static CompletableFuture<VersionChange> changed(CompletableFuture<Object> reply) {
        return (CompletableFuture<VersionChange>) (CompletableFuture<?>) reply;
    }

    public CompletableFuture<VersionChange> upgrade(Artifact artifact) {
        return changed(submit(new Command.Upgrade(artifact)));
    }

    /** Upgrade from a {@code .cam} file's bytes; bytes that do not decode are refused like a bad artifact. */
    @Override
    public CompletableFuture<VersionChange> upgrade(byte[] artifact) {
        return changed(submit(new Command.UpgradeFromBytes(artifact.clone())));
    }

    @Override
    public CompletableFuture<VersionChange> downgrade() {
        return changed(submit(new Command.Downgrade()));
    }

    /** Upgrade from a {@code .cam} file's bytes, with the release signature that authorises it. */
    @Override
    public CompletableFuture<VersionChange> upgrade(byte[] artifact, ReleaseSignature signature) {
        return changed(submit(new Command.Signed(new Command.UpgradeFromBytes(artifact.clone()), signature)));
    }

    /** Downgrade, with the release signature that authorises it. */
    @Override
    public CompletableFuture<VersionChange> downgrade(ReleaseSignature signature) {
        return changed(submit(new Command.Signed(new Command.Downgrade(), signature)));
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
        CompletableFuture<Object> reply = new Reply();
        if (stopped) {
            reply.completeExceptionally(stoppedRefusal());
            return reply;
        }
        PreparedUpgrade prepared = PreparedUpgrade.ahead(command, options, machine.lastVersion(), fuel, time);
        if (prepared != null) lastPreparedOn = Thread.currentThread().getName();
        put(new Pending(command, reply, time, fuel, prepared, false));
        if (stopped) drain();
        return reply;
    }

    /**
     * The most fuel a step run by a server's I/O thread may use ({@link #serveStep}); one that needs more is
     * handed to the machine thread and run again there from the same state with the node's whole limit (a
     * failed step changes nothing, and steps are deterministic). About a millisecond at most, so a long step
     * never keeps an I/O thread from its other connections' pings and replies.
     */
    static final long INLINE_FUEL = 100_000;

    /** Commands an I/O thread that owns the machine runs before it hands the rest of the queue to the machine thread. */
    private static final int INLINE_TURN = 64;

    /**
     * {@link #step}, asked by a server's I/O thread for a client (docs/protocol.md, "Threads"). If the
     * machine is idle and nothing is queued, this thread takes the machine and runs the step itself with at
     * most {@link #INLINE_FUEL} (the reply is then complete on return: no hand-off between threads), then
     * the steps other connections queued meanwhile, each likewise; a step that needs more fuel, or any other
     * command, goes to the machine thread in its place in the order. Else the step is queued as by {@link
     * #step}. A node with a journal or a listener queues every command.
     */
    public CompletableFuture<StepResult> serveStep(Value input, Identity speaking) {
        Command step = new Command.Step(input, speaking == null ? Optional.empty() : Optional.of(speaking));
        if (!inline) return stepped(submit(step));
        CompletableFuture<Object> reply = new Reply();
        if (stopped) {
            reply.completeExceptionally(stoppedRefusal());
            return stepped(reply);
        }
        Pending p = new Pending(step, reply, null, options.fuel(), null, true);
        if (queue.isEmpty() && !owned.get() && owned.compareAndSet(false, true)) {
            runHere(p);
        } else {
            put(p);
            if (stopped) drain();
        }
        return stepped(reply);
    }

    /**
     * On an I/O thread that owns the machine: run {@code p}, then what was queued meanwhile while each is a
     * served step that ends within {@link #INLINE_FUEL}; hand the first that is not (and the ownership) to
     * the machine thread. Releases the machine as {@link #runQueue} does when the queue is empty.
     */
    private void runHere(Pending p) {
        for (int n = 0; ; n++) {
            if (p == null) {
                owned.set(false);
                if (queue.isEmpty() || !owned.compareAndSet(false, true)) return;
                p = queue.poll();
                if (p == null) continue;   // taken by a drain of a stopping node
            }
            if (n >= INLINE_TURN || !p.served() || !ranHere(p)) {
                schedule(p);   // the machine thread runs it (still owned: nothing runs before it), then the queue
                return;
            }
            p = null;
        }
    }

    /**
     * A served step with at most {@link #INLINE_FUEL}: true if it is answered (done, or refused for a reason
     * more fuel would not change: a bad value, an unknown interface, or a failure within the node's whole
     * limit); false if its run failed short of that limit (out of fuel, say: a division by zero fails again
     * there) or needed a deeper stack than this thread's: it changed nothing, and the machine thread runs
     * it again.
     */
    private boolean ranHere(Pending p) {
        if (stopping) {
            p.reply().completeExceptionally(new Refusal(Refusal.Reason.STOPPED, STOPPING));
            return true;
        }
        long fuel = Math.min(p.fuel(), INLINE_FUEL);
        Object result = null;
        Throwable failure = null;
        try {
            result = machine.apply(p.command(), p.time(), fuel, p.prepared());
        } catch (Refusal r) {
            if (worthMoreFuel(r, fuel, p.fuel())) return false;
            failure = r;
        } catch (StackOverflowError deep) {   // before the commit: the machine thread has a roomier stack
            return false;
        } catch (Throwable e) {
            EventLog.log("a server thread failed on " + p.command().getClass().getSimpleName()
                    + "; the node is unchanged", e);
            failure = e;
        }
        lastRanOn = Thread.currentThread();
        if (failure == null) p.reply().complete(result);
        else p.reply().completeExceptionally(failure);
        return true;
    }

    /**
     * Whether a step refused after a run with {@code tried} fuel must run again with its {@code whole} limit: it
     * failed (out of fuel, or for a reason more fuel would not change; it changed nothing either way, and steps
     * are deterministic) with less than that. One rule for the I/O thread's short runs and the machine thread's
     * trials while replies are held.
     */
    private static boolean worthMoreFuel(Refusal refused, long tried, long whole) {
        return tried < whole && refused.reason() == Refusal.Reason.STEP_FAILED;
    }

    /**
     * Hands the machine to the machine thread, which runs {@code first} (taken from the queue already, or
     * null) and then the queue; the caller owns the machine and gives it up so. If the loop has been shut
     * down ({@link #close}), {@code first} and everything queued are refused instead.
     */
    private void schedule(Pending first) {
        try {
            loop.execute(first == null ? runQueue : () -> runQueue(first));
        } catch (java.util.concurrent.RejectedExecutionException closed) {   // the loop was shut down by close()
            if (first != null && first != STOP) first.reply().completeExceptionally(stoppedRefusal());
            drain();
        }
    }

    /**
     * The machine thread, as an event loop: a server serving this node registers its connections
     * here, so their requests are read, applied and answered on the one thread that owns the machine.
     * Nothing else may run long on it.
     */
    public EventLoopGroup eventLoop() {
        return loopGroup;
    }

    /** Stop the machine thread after the commands already queued; later ones are refused. */
    @Override
    public void close() {
        if (!stopped) {
            stopped = true;
            put(STOP);
            if (!loop.inEventLoop()) awaitFinished(Long.MAX_VALUE);
            drain();
        }
        loopGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        if (!loop.inEventLoop()) loopGroup.terminationFuture().awaitUninterruptibly(2, TimeUnit.SECONDS);
    }

    /**
     * Stop as {@code sm node} does on SIGTERM: refuse new commands, answer
     * every queued one with "The node is stopping." (a {@link Refusal} with
     * reason STOPPED), let at most the command already running finish, and
     * return within {@code bound}. The event loop keeps running (the replies
     * made still go out on the connections it serves) until {@link #close}.
     *
     * @return whether the machine thread ended within the bound (it is a daemon; a step still
     *         running past it is abandoned with the process)
     */
    public boolean stop(java.time.Duration bound) {
        stopping = true;
        stopped = true;
        drain(STOPPING);
        put(STOP);
        boolean done = loop.inEventLoop() || awaitFinished(Math.max(1, bound.toMillis()));
        drain(STOPPING);
        return done;
    }

    private boolean awaitFinished(long millis) {
        try {
            return finished.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return finished.getCount() == 0;
        }
    }

    private static final String STOPPING = "The node is stopping.";

    /**
     * Add to the queue, and schedule a task that runs it on the machine thread unless the machine is owned
     * (such a task is scheduled or running, or an I/O thread runs commands). With {@link #runQueue} and
     * {@link #runHere} this is the usual pairing of a flag and a lock-free queue: each side writes its own
     * (the command; {@link #owned} cleared) before it reads the other's, so a command is never left in the
     * queue with nobody to run it.
     */
    private void put(Pending p) {
        queue.add(p);
        if (!owned.get() && owned.compareAndSet(false, true)) schedule(null);
    }

    /**
     * Commands one task runs before it lets the loop serve its connections (then it schedules itself
     * again): a long queue from in-process producers does not starve the sockets.
     */
    private static final int TURN = 1024;

    /** The machine thread's task: apply queued commands in order until the queue is empty (or a turn is over). */
    private void runQueue() {
        runQueue(null);
    }

    /** The same, starting with {@code first} (handed over by an I/O thread: {@link #runHere}) if not null. */
    private void runQueue(Pending first) {
        Pending p = first;
        for (int n = 0; ; n++) {
            if (p == null) {
                if (n >= TURN) {
                    sendHeld();
                    schedule(null);   // still owned
                    return;
                }
                p = queue.poll();
                if (p == null) {
                    sendHeld();   // before the machine is given up: replies complete in the order the commands ran
                    owned.set(false);
                    if (queue.isEmpty() || !owned.compareAndSet(false, true)) return;
                    continue;
                }
            }
            if (p == STOP) {
                sendHeld();
                // Left owned for good: no task runs again. What was queued after STOP by a thread that had
                // not yet seen the node stopped is refused by drain(), on the stopping thread or the enqueuing one.
                finished.countDown();
                return;
            }
            handle(p);
            p = null;
        }
    }

    /**
     * Applies {@code p} while replies are held: nothing that may run long keeps them. A step runs first with
     * at most {@link #INLINE_FUEL}; if that fails (out of fuel, or for a reason more fuel would not change:
     * it changed nothing either way, and steps are deterministic), the held replies are sent and it runs again
     * from the start with its whole fuel, as a served step handed to the machine thread does. Any other
     * command sends them first. (Holding is only for a node without a listener: a trial's failure is told
     * to nobody.)
     */
    private Object applyHolding(Pending p) {
        if (p.command() instanceof Command.Step) {
            long trial = Math.min(p.fuel(), INLINE_FUEL);
            try {
                return machine.apply(p.command(), p.time(), trial, p.prepared());
            } catch (Refusal r) {
                if (!worthMoreFuel(r, trial, p.fuel())) throw r;   // final
            }
        }
        held.send();
        return machine.apply(p.command(), p.time(), p.fuel(), p.prepared());
    }

    private void sendHeld() {
        if (held != null) held.send();
    }

    private void handle(Pending p) {
        if (stopping) {
            Refusal refused = new Refusal(Refusal.Reason.STOPPED, STOPPING);
            if (held != null) held.hold(p.reply(), null, refused);
            else p.reply().completeExceptionally(refused);
            return;
        }
        Object result = null;
        Throwable failure = null;
        try {
            options.log().append(p.command());
            result = held != null && held.any() ? applyHolding(p)
                    : machine.apply(p.command(), p.time(), p.fuel(), p.prepared());
        } catch (Refusal r) {
            failure = r;
        } catch (Throwable e) {
            // Nothing kills the machine thread, not even OutOfMemoryError: this command fails
            // (its reply says so), the event is logged, the node keeps serving with its state.
            EventLog.log("the machine thread failed on " + p.command().getClass().getSimpleName()
                    + "; the node is unchanged", e);
            failure = e;
        }
        lastRanOn = Thread.currentThread();
        if (held != null) {   // no log: sent with the rest of this turn's replies (HeldReplies)
            held.hold(p.reply(), result, failure);
            return;
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

    /** For tests: the thread that ran the last command (read after its reply). */
    Thread lastRanOn() {
        return lastRanOn;
    }

    /** For tests: the name of the thread that prepared the last upgrade (null before any). */
    String lastPreparedOn() {
        return lastPreparedOn;
    }

}
