package hotsm.vm.node;

import hotsm.vm.bytecode.Artifact;
import hotsm.vm.bytecode.ArtifactCodec;
import hotsm.vm.bytecode.Code;
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
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A running machine that many threads may step, read and upgrade. All
 * commands go through one ordered queue to the machine thread, which owns the
 * {@link NodeSnapshot}; each public method enqueues a command and returns a
 * future completed by the machine thread (exceptionally with a
 * {@link Refusal} when the node says no; the node is then unchanged).
 */
public final class Node implements NodeService, AutoCloseable {

    /** A queued command; {@code time} is null (read the clock) except for a replayed journal record. */
    private record Pending(Command command, CompletableFuture<Object> reply, Instant time, long fuel) {}

    private static final Pending STOP = new Pending(new Command.ReadInfo(), new CompletableFuture<>(), null, 1);

    private final NodeOptions options;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread machineThread;
    private volatile boolean stopped;
    /** Set by {@link #stop}: queued commands are refused, not run. */
    private volatile boolean stopping;
    /** Written only by the machine thread. */
    private NodeSnapshot snapshot;
    private Artifact loadedFor;
    private StepCode loadedStep;

    private Node(NodeSnapshot start, NodeOptions options) {
        this.snapshot = start;
        this.options = options;
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
        return submit(new Command.Step(input, Optional.empty())).thenApply(StepResult.class::cast);
    }

    /** Run one input from a client speaking the interface of version {@code speaking} (null: the running one). */
    @Override
    public CompletableFuture<StepResult> step(Value input, Identity speaking) {
        return submit(new Command.Step(input, Optional.ofNullable(speaking))).thenApply(StepResult.class::cast);
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
        queue.add(new Pending(command, reply, time, fuel));
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
        queue.add(STOP);
        try {
            machineThread.join(Math.max(1, bound.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        drain(STOPPING);
        return !machineThread.isAlive();
    }

    private static final String STOPPING = "The node is stopping.";

    private void run() {
        while (true) {
            Pending p;
            try {
                p = queue.take();
            } catch (InterruptedException e) {
                continue;   // only close() stops the machine thread
            }
            if (p == STOP) return;
            if (stopping) {
                p.reply().completeExceptionally(new Refusal(Refusal.Reason.STOPPED, STOPPING));
                continue;
            }
            Object result = null;
            Throwable failure = null;
            try {
                options.log().append(p.command());
                Instant time = p.time() != null ? p.time() : options.clock().instant();
                result = apply(p.command(), time, p.fuel());
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
    private Object apply(Command command, Instant time, long fuel) {
        Optional<ReleaseSignature> signature = command instanceof Command.Signed signed
                ? Optional.of(signed.signature()) : Optional.empty();
        Command change = command instanceof Command.Signed signed ? signed.change() : command;
        TrustPolicy trust = options.trust();
        NodeSnapshot now = snapshot;
        if (change instanceof Command.Step s) {
            return step(now, s, fuel);
        } else if (change instanceof Command.Upgrade u) {
            return change(command, time, VersionChange.Kind.UPGRADE,
                    () -> VersionChanges.upgrade(now, u.artifact(), fuel, time,
                            VersionChanges.authorize(now, trust, ChangeKind.UPGRADE,
                                    () -> ArtifactCodec.encode(u.artifact()), signature)));
        } else if (change instanceof Command.UpgradeFromBytes b) {
            // The signature is checked before the bytes are decoded: unsigned input is never parsed.
            return change(command, time, VersionChange.Kind.UPGRADE, () -> {
                Optional<Signer> signer = VersionChanges.authorize(now, trust, ChangeKind.UPGRADE, b::artifact,
                        signature);
                return VersionChanges.upgrade(now, VersionChanges.decode(b.artifact()), fuel, time, signer);
            });
        } else if (change instanceof Command.Downgrade) {
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

    private StepResult step(NodeSnapshot now, Command.Step s, long fuel) {
        try {
            Interfaces.Route route = Interfaces.route(now, s.speaking().orElse(now.identity()));
            if (!Values.conforms(s.input(), route.view().input().erase())) {
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
            tell(() -> options.listener().stepped(now.artifact().output(), r.value(), now.artifact().state(),
                    r.state()));
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
        return new VersionChanges.Changed(c.next().bounded(options.limits()), c.change());
    }

    /** A listener that fails (a closed stdout, say) must not undo or fail a committed command. */
    private static void tell(Runnable notification) {
        try {
            notification.run();
        } catch (Throwable e) {
            EventLog.log("a node listener failed (tracing is best effort)", e);
        }
    }

    /** The running step code, loaded and compiled by the JIT once per version (machine thread only). */
    private StepCode loadedStep(NodeSnapshot now) {
        if (loadedFor != now.artifact()) {
            loadedStep = StepCode.prepare(now.artifact().step(), now.artifact().blocks());
            loadedFor = now.artifact();
        }
        return loadedStep;
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
        try {
            VersionChanges.Changed c = withinLimits(kind, how.get());
            options.log().commit(command, time, c.next(), () -> snapshot = c.next());
            tell(() -> options.listener().changed(c.change()));
            return c.change();
        } catch (Refusal refusal) {
            tell(() -> options.listener().changeRefused(kind, refusal.getMessage()));
            throw refusal;
        }
    }
}
