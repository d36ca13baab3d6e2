package hotsm.vm.node;

import hotsm.vm.bytecode.Artifact;
import hotsm.vm.bytecode.Identities;
import hotsm.vm.bytecode.Identity;
import hotsm.vm.jit.StepCode;
import hotsm.vm.machine.Cam;
import hotsm.vm.machine.LoadedCode;
import hotsm.vm.trust.ChangeKind;
import hotsm.vm.trust.ReleaseSignature;
import hotsm.vm.trust.Signer;
import hotsm.vm.trust.TrustPolicy;
import hotsm.vm.value.Value;
import hotsm.vm.value.Values;
import hotsm.vm.verify.Verifier;
import hotsm.vm.verify.VerifyException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
    /** Versions whose compiled step code the machine thread keeps (the running one and recent ones). */
    private static final int STEP_CODE_CACHE = 8;

    private final NodeOptions options;
    /** The one ordered queue: any thread adds (no lock), the machine thread takes; see {@link #put}. */
    private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
    /** Whether the machine thread has found the queue empty and parks (or is about to): then {@link #put} wakes it. */
    private volatile boolean idle;
    private final Thread machineThread;
    private volatile boolean stopped;
    /** Set by {@link #stop}: queued commands are refused, not run. */
    private volatile boolean stopping;
    /** Written only by the machine thread. */
    private NodeSnapshot snapshot;
    /**
     * The snapshot as of the last version change (written by the machine thread, read by threads that
     * prepare upgrades to plan them against): steps change only the state, which a plan does not use.
     */
    private volatile NodeSnapshot lastVersion;
    /** For tests: the name of the thread that last prepared an upgrade. */
    private volatile String lastPreparedOn;
    /** Step code by version, compiled (machine thread only; filled ahead where possible). */
    private final Map<Identity, StepCode> stepCode = new java.util.LinkedHashMap<>(16, 0.75f, true) {
        @Override protected boolean removeEldestEntry(Map.Entry<Identity, StepCode> eldest) {
            return size() > STEP_CODE_CACHE;
        }
    };
    /** The running artifact's step code (machine thread only): most steps need no map look-up. */
    private Artifact loadedFor;
    private StepCode loadedStep;
    /** The snapshot a version change commits, and the assignment that commits it (made here, not when first used). */
    private NodeSnapshot committing;
    private final Runnable swap = () -> snapshot = committing;

    private Node(NodeSnapshot start, NodeOptions options) {
        this.snapshot = start;
        this.lastVersion = start;
        this.options = options;
        // Compiled here, on the starting thread, not on the machine thread.
        stepCode.put(start.identity(), StepCode.prepare(start.artifact().step(), start.artifact().blocks()));
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
        PreparedUpgrade prepared = prepare(command, fuel);
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
            result = apply(p.command(), p.time(), p.fuel(), p.prepared());
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

    /**
     * One case per command; each ends in at most one assignment to {@link #snapshot}, made through
     * {@link CommandLog#commit} so the command is journaled first. A {@link Command.Signed} change is
     * applied as its inner command, with its signature checked by the trust policy; the signed command
     * is what is journaled.
     */
    private Object apply(Command command, Instant given, long fuel, PreparedUpgrade prepared) {
        Optional<ReleaseSignature> signature = command instanceof Command.Signed signed
                ? Optional.of(signed.signature()) : Optional.empty();
        Command change = command instanceof Command.Signed signed ? signed.change() : command;
        TrustPolicy trust = options.trust();
        NodeSnapshot now = snapshot;
        if (change instanceof Command.Step s) {
            return step(now, s, fuel);
        } else if (change instanceof Command.Upgrade || change instanceof Command.UpgradeFromBytes) {
            return upgrade(now, command, prepared, timeOf(given), fuel);
        } else if (change instanceof Command.Downgrade) {
            Instant time = timeOf(given);
            return change(command, time, VersionChange.Kind.DOWNGRADE,
                    () -> VersionChanges.downgrade(now, fuel, time,
                            VersionChanges.authorize(now, trust, ChangeKind.DOWNGRADE,
                                    () -> now.identity().bytes(), signature)));
        } else if (change instanceof Command.WriteSnapshot) {
            return options.log().writeSnapshot(now);
        } else if (command instanceof Command.ReadState) {
            return new StateView(now.artifact().state(), now.state());
        } else if (command instanceof Command.ReadInfo) {
            return now.info();
        } else if (command instanceof Command.ReadSnapshot) {
            return now;
        } else if (command instanceof Command.ReadInterface r) {
            return Interfaces.route(now, r.identity()).view();
        }
        throw new IllegalArgumentException("unknown command " + command);
    }

    /** The route of a client speaking the running version, and its input shape, for {@link #directFor}. */
    private Interfaces.Route directRoute;
    private hotsm.vm.types.Shape directShape;
    private Artifact directFor;

    /**
     * The route for a step (machine thread only): a client speaking the running version (nearly every
     * step) reuses the running artifact's direct route and erased input shape instead of building them.
     */
    private Interfaces.Route route(NodeSnapshot now, Optional<Identity> speaking) {
        if (speaking.isPresent() && !speaking.get().equals(now.identity())) return Interfaces.route(now, speaking.get());
        if (directFor != now.artifact()) {
            directRoute = Interfaces.route(now, now.identity());
            directShape = directRoute.view().input().erase();
            directFor = now.artifact();
        }
        return directRoute;
    }

    /** A version change's time: the journaled one when replayed, else the clock's (only version changes read it). */
    private Instant timeOf(Instant given) {
        return given != null ? given : options.clock().instant();
    }

    private StepResult step(NodeSnapshot now, Command.Step s, long fuel) {
        try {
            Interfaces.Route route = route(now, s.speaking());
            if (!Values.conforms(s.input(), route == directRoute ? directShape : route.view().input().erase())) {
                throw new Refusal(Refusal.Reason.BAD_VALUE, "The input is not a value of type " + route.view().input()
                        + " (expected shape " + route.view().input().erase() + ").");
            }
            Value input = runAll(route.inputAdapters(), s.input(), "input adapter", fuel);
            Cam.Result r;
            try {
                r = loadedStep(now).runAcrossVersions(input, now.state(), fuel);
            } catch (RuntimeException e) {
                throw new Refusal(Refusal.Reason.STEP_FAILED, "The step failed: " + VersionChanges.describe(e)
                        + ". The state is unchanged.");
            }
            Value output = runAll(route.outputAdapters(), r.value(), "output adapter", fuel);
            checkSizes(now.state(), r.state(), r.value(), output);
            NodeSnapshot next = now.withState(r.state());
            options.log().commit(s, null, next, () -> snapshot = next);
            if (options.listener() != NodeListener.NONE) {
                tell(() -> options.listener().stepped(now.artifact().output(), r.value(), now.artifact().state(),
                        r.state()));
            }
            return new StepResult(output, route.view().output());
        } catch (Refusal refusal) {
            tell(() -> options.listener().stepFailed(refusal.getMessage()));
            throw refusal;
        }
    }

    /**
     * A step whose state or output is over the value size budget fails; the
     * state is kept. A state the step left as it was is not walked again.
     */
    private void checkSizes(Value oldState, Value newState, Value output, Value adaptedOutput) {
        String kept = "The state is unchanged.";
        if (newState != oldState) options.limits().checkSize(newState, "new state", Refusal.Reason.STEP_FAILED, kept);
        options.limits().checkSize(output, "output", Refusal.Reason.STEP_FAILED, kept);
        if (adaptedOutput != output) {
            options.limits().checkSize(adaptedOutput, "adapted output", Refusal.Reason.STEP_FAILED, kept);
        }
    }

    /** A migrated state over the size budget refuses the change; the history and artifacts are kept bounded. */
    private VersionChanges.Changed withinLimits(VersionChange.Kind kind, VersionChanges.Changed c) {
        boolean up = kind == VersionChange.Kind.UPGRADE;
        options.limits().checkSize(c.next().state(), "migrated state",
                up ? Refusal.Reason.UPGRADE_REFUSED : Refusal.Reason.DOWNGRADE_REFUSED,
                "Aborting " + (up ? "upgrade" : "downgrade") + "; the old version keeps running.");
        return new VersionChanges.Changed(c.next().bounded(options.limits()), c.change(), c.step());
    }

    /** A listener that fails (a closed stdout, say) must not undo or fail a committed command. */
    private static void tell(Runnable notification) {
        try {
            notification.run();
        } catch (Throwable e) {
            EventLog.log("a node listener failed (tracing is best effort)", e);
        }
    }

    /**
     * The running step code (machine thread only): prepared ahead for starts and upgrades, kept for
     * recent versions (a downgrade returns to one), else loaded and compiled by the JIT here.
     */
    private StepCode loadedStep(NodeSnapshot now) {
        if (loadedFor != now.artifact()) {
            StepCode code = stepCode.get(now.identity());
            if (code == null) {
                code = StepCode.prepare(now.artifact().step(), now.artifact().blocks());
                stepCode.put(now.identity(), code);
            }
            loadedStep = code;
            loadedFor = now.artifact();
        }
        return loadedStep;
    }

    /** Rehearsals of an upgrade per preparation (see {@link #prepare}), and the time they may take at most. */
    private static final int REHEARSALS = 200;
    private static final long REHEARSAL_NANOS = 2_000_000;

    /**
     * On the thread that asks for an upgrade, before it is queued: its {@link PreparedUpgrade} (the
     * signature first, then decoding, verifying, hashing, compiling, planning). The upgrade is also
     * rehearsed here against the latest version, up to {@value #REHEARSALS} times within 2 ms, and
     * the results thrown away (upgrades are pure functions of the snapshot: this changes nothing), so
     * that on the machine thread its turn does not load classes, link call sites or run code HotSpot
     * still interprets (upgrades are rare) in the gap between two replies. Null for other
     * commands, and if preparing failed in a way the machine thread, with its roomy stack, may not
     * (it then prepares the upgrade itself).
     */
    private PreparedUpgrade prepare(Command command, long fuel) {
        if (!(command instanceof Command.Upgrade || command instanceof Command.UpgradeFromBytes
                || command instanceof Command.Signed)) {
            return null;
        }
        try {
            NodeSnapshot base = lastVersion;
            PreparedUpgrade p = PreparedUpgrade.of(command, options.trust(), base, PreparedArtifact.WARM_UP_RUNS);
            if (p != null) lastPreparedOn = Thread.currentThread().getName();
            if (p != null && p.plan() != null && p.plan().failure() == null) rehearse(base, p, fuel);
            return p;
        } catch (Throwable e) {   // StackOverflowError on a deeply nested artifact, say
            return null;
        }
    }

    private void rehearse(NodeSnapshot base, PreparedUpgrade p, long fuel) {
        long start = System.nanoTime();
        Instant now = base.history().get(base.history().size() - 1).since();   // any time: the clock is not read
        long limit = Math.min(fuel, options.fuel());   // a replayed upgrade has no step limit; its rehearsal has
        try {
            for (int i = 0; i < REHEARSALS && System.nanoTime() - start < REHEARSAL_NANOS; i++) {
                withinLimits(VersionChange.Kind.UPGRADE, VersionChanges.upgrade(base, p.artifact(), p.plan(), limit,
                        now, p.signer()));
            }
        } catch (RuntimeException e) {
            // refused (a migration that fails on this state, say): the machine thread will decide on its own
        }
    }

    /**
     * An upgrade's turn (machine thread), written without lambdas: their call sites would be linked
     * here the first time, in the gap between two replies. What was prepared is checked again where it
     * can have changed: the release against the highest accepted now, the plan against the version
     * running now. A command not prepared ahead (replayed by a journal's recovery, say) is prepared here.
     */
    private VersionChange upgrade(NodeSnapshot now, Command command, PreparedUpgrade prepared, Instant time,
                                  long fuel) {
        PreparedUpgrade p = prepared != null ? prepared : PreparedUpgrade.of(command, options.trust(), now, 0);
        VersionChanges.Changed c;
        try {
            if (p.untrusted() != null) throw p.untrusted();
            VersionChanges.checkRelease(now, p.signer(), ChangeKind.UPGRADE);
            if (p.unreadable() != null) throw p.unreadable();
            c = withinLimits(VersionChange.Kind.UPGRADE, VersionChanges.upgrade(now, p.artifact(), p.plan(), fuel,
                    time, p.signer()));
        } catch (Refusal refusal) {
            refused(VersionChange.Kind.UPGRADE, refusal);
            throw refusal;
        }
        return commit(command, time, c);
    }

    /** For tests: the name of the thread that prepared the last upgrade (null before any). */
    String lastPreparedOn() {
        return lastPreparedOn;
    }

    private Value runAll(List<LoadedCode> adapters, Value v, String what, long fuel) {
        for (LoadedCode c : adapters) {
            try {
                v = Cam.run(c, v, null, fuel).value();
            } catch (RuntimeException e) {
                throw new Refusal(Refusal.Reason.STEP_FAILED, "The " + what + " failed: "
                        + VersionChanges.describe(e) + ". The state is unchanged.");
            }
        }
        return v;
    }

    private VersionChange change(Command command, Instant time, VersionChange.Kind kind,
                                 java.util.function.Supplier<VersionChanges.Changed> how) {
        VersionChanges.Changed c;
        try {
            c = withinLimits(kind, how.get());
        } catch (Refusal refusal) {
            refused(kind, refusal);
            throw refusal;
        }
        return commit(command, time, c);
    }

    /**
     * Commit a version change through the log (journaled first), publish it to the threads that
     * prepare upgrades, keep its prepared step code, tell the listener. No lambdas (see {@link #upgrade}).
     */
    private VersionChange commit(Command command, Instant time, VersionChanges.Changed c) {
        committing = c.next();
        try {
            options.log().commit(command, time, c.next(), swap);
        } catch (Refusal refusal) {
            refused(c.change().kind(), refusal);
            throw refusal;
        } finally {
            committing = null;
        }
        lastVersion = c.next();
        if (c.step() != null) stepCode.put(c.next().identity(), c.step());
        // The next step finds the new version's code and route ready: the step path's branches that
        // load them stay untaken, so HotSpot's compiled step is not deoptimized in the gap.
        loadedStep(c.next());
        route(c.next(), Optional.empty());
        try {
            options.listener().changed(c.change());
        } catch (Throwable e) {
            EventLog.log("a node listener failed (tracing is best effort)", e);
        }
        return c.change();
    }

    private void refused(VersionChange.Kind kind, Refusal refusal) {
        try {
            options.listener().changeRefused(kind, refusal.getMessage());
        } catch (Throwable e) {
            EventLog.log("a node listener failed (tracing is best effort)", e);
        }
    }
}
