package hotsm.vm.node;

import hotsm.vm.bytecode.Artifact;
import hotsm.vm.bytecode.Code;
import hotsm.vm.bytecode.Identities;
import hotsm.vm.bytecode.Identity;
import hotsm.vm.jit.StepCode;
import hotsm.vm.machine.Cam;
import hotsm.vm.machine.LoadedCode;
import hotsm.vm.types.Shape;
import hotsm.vm.types.TypeDesc;
import hotsm.vm.value.Value;
import hotsm.vm.value.Values;
import hotsm.vm.verify.Verifier;
import hotsm.vm.verify.VerifyException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A running machine that many threads may step, read and upgrade. All
 * commands go through one ordered queue to the machine thread, which owns the
 * {@link NodeSnapshot}; each public method enqueues a command and returns a
 * future completed by the machine thread (exceptionally with a
 * {@link Refusal} when the node says no; the node is then unchanged).
 */
public final class Node implements NodeService, AutoCloseable {

    /**
     * A queued command; {@code time} is null (read the clock) except for a
     * replayed journal record. {@code prepared}: for an upgrade, the work done
     * before it entered the queue (a {@link Ready}, or the {@link Refusal} of
     * bytes that do not decode); null otherwise.
     */
    private record Pending(Command command, CompletableFuture<Object> reply, Instant time, long fuel, Object prepared) {}

    /** An upgrade's artifact made ready, and its plan against the snapshot of the moment it was queued. */
    private record Ready(PreparedArtifact artifact, VersionChanges.Plan plan) {}

    private static final Pending STOP = new Pending(new Command.ReadInfo(), new CompletableFuture<>(), null, 1, null);
    /** Versions whose compiled step code the machine thread keeps (the running one and recent ones). */
    private static final int STEP_CODE_CACHE = 8;
    /** Commands the machine thread takes from the queue at once. */
    private static final int BATCH = 256;

    private final NodeOptions options;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread machineThread;
    private volatile boolean stopped;
    /** Written only by the machine thread; read by threads that plan upgrades (see {@link #ready}). */
    private volatile NodeSnapshot snapshot;
    /** Step code by version, loaded and compiled (machine thread only; filled ahead of time where possible). */
    private final Map<Identity, StepCode> stepCode = new java.util.LinkedHashMap<>(16, 0.75f, true) {
        @Override protected boolean removeEldestEntry(Map.Entry<Identity, StepCode> eldest) {
            return size() > STEP_CODE_CACHE;
        }
    };

    private Node(NodeSnapshot start, NodeOptions options) {
        this.snapshot = start;
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
        Verifier.verify(artifact);
        Identity id = Identities.of(artifact);
        Node node = new Node(NodeSnapshot.started(artifact, id, artifact.initialState(), options.clock().instant()),
                options);
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
        return stepped(submit(new Command.Step(input, Optional.ofNullable(speaking))));
    }

    /**
     * A step's reply as it is: the machine thread completes it with a
     * {@link StepResult} (or a refusal), so no second future is chained on
     * (that halved the steps a node took per second in process).
     */
    @SuppressWarnings("unchecked")
    private static CompletableFuture<StepResult> stepped(CompletableFuture<Object> reply) {
        return (CompletableFuture<StepResult>) (CompletableFuture<?>) reply;
    }

    /**
     * Upgrade to {@code artifact}. It is verified, hashed and compiled on the
     * calling thread before the upgrade enters the queue, so the machine
     * thread only migrates and swaps.
     */
    public CompletableFuture<VersionChange> upgrade(Artifact artifact) {
        return enqueue(new Command.Upgrade(artifact), null, options.fuel(), ready(PreparedArtifact.of(artifact)))
                .thenApply(VersionChange.class::cast);
    }

    /**
     * Upgrade from a {@code .cam} file's bytes; bytes that do not decode are
     * refused like a bad artifact. Decoding, verifying, hashing and compiling
     * happen on the calling thread, before the upgrade enters the queue.
     */
    @Override
    public CompletableFuture<VersionChange> upgrade(byte[] artifact) {
        byte[] bytes = artifact.clone();
        Object prepared;
        try {
            prepared = ready(PreparedArtifact.of(VersionChanges.decode(bytes)));
        } catch (Refusal r) {
            prepared = r;
        }
        return enqueue(new Command.UpgradeFromBytes(bytes), null, options.fuel(), prepared)
                .thenApply(VersionChange.class::cast);
    }

    @Override
    public CompletableFuture<VersionChange> downgrade() {
        return submit(new Command.Downgrade()).thenApply(VersionChange.class::cast);
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
        return enqueue(command, null, options.fuel(), null);
    }

    /**
     * Apply a command a journal recorded as having changed the node, at the
     * time it recorded and with no step limit (it succeeded once, and the
     * machine is deterministic): recovery and replication rebuild the node so.
     */
    public CompletableFuture<Object> replay(Command command, Instant time) {
        return enqueue(command, java.util.Objects.requireNonNull(time), Long.MAX_VALUE, null);
    }

    /** Write a snapshot to the node's data directory (a node without one refuses). */
    @Override
    public CompletableFuture<SnapshotWritten> writeSnapshot() {
        return submit(new Command.WriteSnapshot()).thenApply(SnapshotWritten.class::cast);
    }

    private CompletableFuture<Object> enqueue(Command command, Instant time, long fuel, Object prepared) {
        CompletableFuture<Object> reply = new CompletableFuture<>();
        if (stopped) {
            reply.completeExceptionally(stoppedRefusal());
            return reply;
        }
        queue.add(new Pending(command, reply, time, fuel, prepared));
        if (stopped) drain();
        return reply;
    }

    /** Stop the machine thread after the commands already queued; later ones are refused. */
    @Override
    public void close() {
        if (stopped) return;
        stopped = true;
        queue.add(STOP);
        try {
            machineThread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        drain();
    }

    private void run() {
        java.util.ArrayList<Pending> batch = new java.util.ArrayList<>(BATCH);
        while (true) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                continue;   // only close() stops the machine thread
            }
            queue.drainTo(batch, BATCH - 1);   // one lock for many commands, in the same order
            for (int i = 0; i < batch.size(); i++) {
                Pending p = batch.get(i);
                if (p == STOP) {
                    for (int k = i + 1; k < batch.size(); k++) batch.get(k).reply().completeExceptionally(stoppedRefusal());
                    return;
                }
                handle(p);
            }
            batch.clear();
        }
    }

    private void handle(Pending p) {
        Object result = null;
        Throwable failure = null;
        try {
            options.log().append(p.command());
            Instant time = p.time() != null ? p.time() : options.clock().instant();
            result = apply(p.command(), time, p.fuel(), p.prepared());
        } catch (Refusal r) {
            failure = r;
        } catch (RuntimeException | StackOverflowError e) {
            // A bug must not kill the machine thread: report it to this client, keep serving.
            failure = e;
        }
        // The log answers once every record before this reply is durable (at once without a journal).
        options.log().answer(p.reply(), result, failure);
    }

    private void drain() {
        Pending p;
        while ((p = queue.poll()) != null) p.reply().completeExceptionally(stoppedRefusal());
    }

    private static Refusal stoppedRefusal() {
        return new Refusal(Refusal.Reason.STOPPED, "The node has stopped.");
    }

    /**
     * One case per command; each ends in at most one assignment to {@link #snapshot}, made through
     * {@link CommandLog#commit} so the command is journaled first.
     */
    private Object apply(Command command, Instant time, long fuel, Object prepared) {
        NodeSnapshot now = snapshot;
        if (command instanceof Command.Step s) {
            return step(now, s, fuel);
        } else if (command instanceof Command.Upgrade || command instanceof Command.UpgradeFromBytes) {
            return upgrade(now, command, prepared, time, fuel);
        } else if (command instanceof Command.Downgrade) {
            return change(command, time, VersionChange.Kind.DOWNGRADE,
                    () -> VersionChanges.downgrade(now, fuel, time));
        } else if (command instanceof Command.WriteSnapshot) {
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

    private StepResult step(NodeSnapshot now, Command.Step s, long fuel) {
        try {
            Interfaces.Route route = Interfaces.route(now, s.speaking().orElse(now.identity()));
            if (!Values.conforms(s.input(), inputShape(route.view().input()))) {
                throw new Refusal(Refusal.Reason.BAD_VALUE, "The input is not a value of type " + route.view().input()
                        + " (expected shape " + route.view().input().erase() + ").");
            }
            Value input = runAll(route.inputAdapters(), s.input(), "input adapter", fuel);
            Cam.Result r;
            try {
                r = stepCode(now).run(input, now.state(), fuel);
            } catch (RuntimeException e) {
                throw new Refusal(Refusal.Reason.STEP_FAILED, "The step failed: " + VersionChanges.describe(e)
                        + ". The state is unchanged.");
            }
            Value output = runAll(route.outputAdapters(), r.value(), "output adapter", fuel);
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

    /** A listener that fails (a closed stdout, say) must not undo or fail a committed command. */
    private static void tell(Runnable notification) {
        try {
            notification.run();
        } catch (RuntimeException ignored) {
            // tracing is best effort
        }
    }

    private TypeDesc shapeOf;
    private Shape shape;

    /** The erased shape of an input type, kept for the last type asked (machine thread only): erasing costs. */
    private Shape inputShape(TypeDesc type) {
        if (type != shapeOf) {
            shape = type.erase();
            shapeOf = type;
        }
        return shape;
    }

    /** The running step code (machine thread only): prepared ahead for starts and upgrades, else now. */
    private StepCode stepCode(NodeSnapshot now) {
        if (now.artifact() == runningArtifact) return runningStep;
        StepCode code = stepCode.get(now.identity());
        if (code == null) {
            code = StepCode.prepare(now.artifact().step(), now.artifact().blocks());
            stepCode.put(now.identity(), code);
        }
        runningArtifact = now.artifact();
        runningStep = code;
        return code;
    }

    /** The last artifact stepped and its step code (machine thread only): most steps need no map look-up. */
    private Artifact runningArtifact;
    private StepCode runningStep;

    /** Whether an upgrade has been rehearsed to the end in this JVM (see {@link #rehearse}). */
    private static volatile boolean rehearsed;

    /**
     * On the thread that asks for an upgrade, before it is queued: plan it
     * against the current snapshot (the checks against the running version,
     * the next history; the machine thread plans again only if the version
     * changed meanwhile), rehearsed if it is the first in this JVM.
     */
    private Ready ready(PreparedArtifact p) {
        rehearse(p);
        return new Ready(p, VersionChanges.plan(snapshot, p, options.clock().instant()));
    }

    /**
     * Until one has gone through, run an upgrade once on the calling thread
     * against the current snapshot and throw the result away, so that the
     * first upgrade in this JVM does not load classes and link call sites on
     * the machine thread (that cost milliseconds of silence between two
     * replies). Upgrades are pure functions of the snapshot, so this changes
     * nothing; the machine thread then does the real one, in order.
     */
    private void rehearse(PreparedArtifact p) {
        if (rehearsed) return;
        try {
            VersionChanges.upgrade(snapshot, p, options.fuel(), options.clock().instant());
            rehearsed = true;
        } catch (RuntimeException | StackOverflowError e) {
            // refused or failed: the machine thread will say so
        }
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
            c = how.get();
        } catch (Refusal refusal) {
            throw refused(kind, refusal);
        }
        return commit(command, time, c);
    }

    /**
     * An upgrade, written without lambdas on its usual path: their call sites
     * would otherwise be linked on the machine thread the first time, in the
     * gap between two replies. Most of the work was done before it was queued
     * ({@link #ready}); a replayed one is prepared here, at its recorded time.
     */
    private VersionChange upgrade(NodeSnapshot now, Command command, Object prepared, Instant time, long fuel) {
        VersionChanges.Changed c;
        Instant at = time;
        try {
            Ready r;
            if (prepared instanceof Refusal refusal) throw refusal;
            if (prepared instanceof Ready ready) {
                r = ready;
            } else if (command instanceof Command.Upgrade u) {
                r = new Ready(PreparedArtifact.of(u.artifact()), null);
            } else {
                r = new Ready(PreparedArtifact.of(VersionChanges.decode(((Command.UpgradeFromBytes) command).artifact())),
                        null);
            }
            // A plan made when the upgrade was queued carries that time; the journal records the time used.
            if (r.plan() != null && r.plan().fits(now)) at = r.plan().time();
            c = VersionChanges.upgrade(now, r.artifact(), r.plan(), fuel, at);
        } catch (Refusal refusal) {
            throw refused(VersionChange.Kind.UPGRADE, refusal);
        }
        return commit(command, at, c);
    }

    /** Commits a version change through the log (journaled first), then tells the listener. */
    private VersionChange commit(Command command, Instant time, VersionChanges.Changed c) {
        options.log().commit(command, time, c.next(), () -> snapshot = c.next());
        if (c.prepared() != null) stepCode.put(c.next().identity(), c.prepared());
        try {
            options.listener().changed(c.change());
        } catch (RuntimeException ignored) {
            // tracing is best effort
        }
        return c.change();
    }

    private Refusal refused(VersionChange.Kind kind, Refusal refusal) {
        try {
            options.listener().changeRefused(kind, refusal.getMessage());
        } catch (RuntimeException ignored) {
            // tracing is best effort
        }
        return refusal;
    }
}
