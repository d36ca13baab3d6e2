package hotsm.vm.node;

import hotsm.vm.bytecode.Artifact;
import hotsm.vm.bytecode.Identity;
import hotsm.vm.jit.ResidentState;
import hotsm.vm.jit.StepCode;
import hotsm.vm.machine.Cam;
import hotsm.vm.machine.LoadedCode;
import hotsm.vm.trust.ChangeKind;
import hotsm.vm.trust.ReleaseSignature;
import hotsm.vm.trust.TrustPolicy;
import hotsm.vm.value.Value;
import hotsm.vm.value.Values;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a node's machine thread owns: the running {@link NodeSnapshot}, the
 * step code of recent versions and the running version's route, and the one
 * method that applies a command to them ({@link #apply}). Only the thread that
 * runs the machine calls it, one command at a time, in queue order; {@link
 * Node} is the queue and the thread. Each command ends in at most one
 * assignment to the snapshot, made through the {@link CommandLog}; a step's
 * is to its state, which the machine keeps unbuilt between steps in the step
 * code's {@link ResidentState} and builds into the snapshot when asked.
 */
final class Machine {

    /** Versions whose compiled step code the machine thread keeps (the running one and recent ones). */
    private static final int STEP_CODE_CACHE = 8;

    private final NodeOptions options;
    /** Whether the command being applied is a replayed journal record: see {@link #checkSizes}. */
    private boolean replaying;
    /**
     * The running snapshot, but for its state when {@link #stale}: steps keep the state in {@link #resident}
     * and build the snapshot only when asked ({@link #current}).
     */
    private NodeSnapshot snapshot;
    /**
     * The running version's state as its step code keeps it between steps (an Int as a long, ...), made
     * when the version is loaded; null on a machine for rehearsals until it steps.
     */
    private ResidentState resident;
    /** Whether steps have changed the state since {@link #snapshot} was built. */
    private boolean stale;
    /** Whether the step being applied was committed (else it is undone: the state is as before it). */
    private boolean stepCommitted;
    /** A step's commit: the new state the step left in {@link #resident} stays (the one assignment a step makes). */
    private final Runnable commitStep = () -> {
        stepCommitted = true;
        stale = true;
    };
    /** The snapshot a step leaves, for a log that asks for it (a journal's periodic snapshot). */
    private final java.util.function.Supplier<NodeSnapshot> stepped = () -> snapshot.withState(resident.state());
    /**
     * The snapshot as of the last version change (written by the machine thread, read by threads that
     * prepare upgrades to plan them against): steps change only the state, which a plan does not use.
     */
    private volatile NodeSnapshot lastVersion;
    /** Step code by version, compiled (filled ahead where possible). */
    private final StepCodes stepCode = new StepCodes(STEP_CODE_CACHE);
    /** The running artifact's step code: most steps need no map look-up. */
    private Artifact loadedFor;
    private StepCode loadedStep;
    /** The snapshot a version change commits, and the assignment that commits it (made here, not when first used). */
    private NodeSnapshot committing;
    private final Runnable swap = () -> snapshot = committing;

    /** Compiles the start's step code here, on the starting thread, not on the machine thread. */
    Machine(NodeSnapshot start, NodeOptions options) {
        this(start, options, true);
    }

    /**
     * A machine for rehearsing upgrades on ({@link #rehearseUpgrade}): over {@code base}, recording
     * nothing, telling no one, and compiling nothing ahead.
     */
    static Machine forRehearsals(NodeSnapshot base, NodeOptions options) {
        return new Machine(base, options.withLog(CommandLog.NONE).withListener(NodeListener.NONE), false);
    }

    /**
     * A scratch machine over {@code start} whose steps run {@code startCode} (the node's own step code, so
     * its class), also after a downgrade back to the start: for {@link TypeProfiles}.
     */
    static Machine forWarmUps(NodeSnapshot start, NodeOptions options, StepCode startCode) {
        Machine scratch = forRehearsals(start, options);
        scratch.stepCode.put(start.identity(), startCode);
        return scratch;
    }

    private Machine(NodeSnapshot start, NodeOptions options, boolean compile) {
        StepCode code = compile ? StepCode.forStep(start.artifact()) : null;
        if (compile) TypeProfiles.warm(start, options, code);   // once per JVM, before the machine thread runs
        this.snapshot = start;
        this.lastVersion = start;
        this.options = options;
        if (compile) {
            stepCode.put(start.identity(), code);
            resident = code.resident(start.state());
        }
    }

    /**
     * Run an upgrade's turn as the machine thread would, from {@code base} again, on this machine of
     * {@link #forRehearsals} (any thread): so the machine thread's code for it (the checks, the
     * migration, the commit, loading the new step code and route) is code HotSpot has compiled.
     */
    void rehearseUpgrade(NodeSnapshot base, Command command, PreparedUpgrade prepared, Instant given, long fuel) {
        snapshot = base;
        resident = null;
        stale = false;
        replaying = false;
        upgrade(base, command, prepared, given, fuel);
    }

    /** The snapshot as of the last version change; any thread may read it. */
    NodeSnapshot lastVersion() {
        return lastVersion;
    }

    /**
     * One case per command; each ends in at most one assignment to {@link #snapshot}, made through
     * {@link CommandLog#commit} so the command is journaled first. A {@link Command.Signed} change is
     * applied as its inner command, with its signature checked by the trust policy; the signed command
     * is what is journaled.
     */
    Object apply(Command command, Instant given, long fuel, PreparedUpgrade prepared) {
        replaying = given != null;
        Optional<ReleaseSignature> signature = command instanceof Command.Signed signed
                ? Optional.of(signed.signature()) : Optional.empty();
        Command change = command instanceof Command.Signed signed ? signed.change() : command;
        TrustPolicy trust = options.trust();
        if (change instanceof Command.Step s) {
            return step(snapshot, s, fuel);   // its state is the resident one
        }
        NodeSnapshot now = current();
        if (change instanceof Command.Upgrade || change instanceof Command.UpgradeFromBytes) {
            return upgrade(now, command, prepared, given, fuel);
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

    /** The running snapshot with its state (built from the resident one if steps changed it since). */
    private NodeSnapshot current() {
        if (stale) {
            snapshot = snapshot.withState(resident.state());
            stale = false;
        }
        return snapshot;
    }

    /** A version change's time: the journaled one when replayed, else the clock's (only version changes read it). */
    private Instant timeOf(Instant given) {
        return given != null ? given : options.clock().instant();
    }

    /** {@code time}, or the running version's arrival if a version change since made that later. */
    private static Instant notBefore(Instant time, NodeSnapshot now) {
        Instant last = now.history().get(now.history().size() - 1).since();
        return time.isBefore(last) ? last : time;
    }

    private StepResult step(NodeSnapshot now, Command.Step s, long fuel) {
        try {
            Interfaces.Route route = route(now, s.speaking());
            if (!Values.conforms(s.input(), route == directRoute ? directShape : route.view().input().erase())) {
                throw new Refusal(Refusal.Reason.BAD_VALUE, "The input is not a value of type " + route.view().input()
                        + " (expected shape " + route.view().input().erase() + ").");
            }
            Value input = runAll(route.inputAdapters(), s.input(), "input adapter", fuel);
            ResidentState st = resident != null ? resident : (resident = loadedStep(now).resident(now.state()));
            Value value;
            try {
                value = st.step(input, fuel);   // a step that fails leaves the state as it was
            } catch (RuntimeException e) {
                throw new Refusal(Refusal.Reason.STEP_FAILED, "The step failed: " + VersionChanges.describe(e)
                        + ". The state is unchanged.");
            }
            Value output;
            stepCommitted = false;
            try {
                output = runAll(route.outputAdapters(), value, "output adapter", fuel);
                checkSizes(st, value, output);
                options.log().commitStep(s, stepped, commitStep);
            } finally {
                if (!stepCommitted) st.undo();   // refused after it ran: the state is as before the step
            }
            if (options.listener() != NodeListener.NONE) {
                Value newState = st.state();
                tell(() -> options.listener().stepped(now.artifact().output(), value, now.artifact().state(),
                        newState));
            }
            return new StepResult(output, route.view().output());
        } catch (Refusal refusal) {
            tell(() -> options.listener().stepFailed(refusal.getMessage()));
            throw refusal;
        }
    }

    /**
     * A step whose state or output is over the value size budget fails; the
     * state is kept. A state the step left as it was is not walked again. A
     * replayed record is not checked: it was within the budget of the node
     * that journaled it, and a budget lowered since must not lock the node
     * out of its own history (docs/durability.md); new steps meet the new one.
     */
    private void checkSizes(ResidentState state, Value output, Value adaptedOutput) {
        if (replaying) return;
        String kept = "The state is unchanged.";
        if (state.changed()) {
            options.limits().checkSize(state.size(options.limits().maxValueSize()), "new state",
                    Refusal.Reason.STEP_FAILED, kept);
        }
        options.limits().checkSize(output, "output", Refusal.Reason.STEP_FAILED, kept);
        if (adaptedOutput != output) {
            options.limits().checkSize(adaptedOutput, "adapted output", Refusal.Reason.STEP_FAILED, kept);
        }
    }

    private VersionChanges.Changed withinLimits(VersionChange.Kind kind, VersionChanges.Changed c) {
        return withinLimits(options.limits(), !replaying, kind, c);
    }

    /**
     * A migrated state over the size budget refuses the change (checked unless {@code check} is false: a
     * replayed record, see {@link #checkSizes}); the history and artifacts are kept bounded.
     */
    static VersionChanges.Changed withinLimits(NodeLimits limits, boolean check, VersionChange.Kind kind,
                                               VersionChanges.Changed c) {
        boolean up = kind == VersionChange.Kind.UPGRADE;
        if (check) limits.checkSize(c.next().state(), "migrated state",
                up ? Refusal.Reason.UPGRADE_REFUSED : Refusal.Reason.DOWNGRADE_REFUSED,
                "Aborting " + (up ? "upgrade" : "downgrade") + "; the old version keeps running.");
        return new VersionChanges.Changed(c.next().bounded(limits), c.change(), c.step(), c.inputShape());
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
                code = StepCode.forStep(now.artifact());
                stepCode.put(now.identity(), code);
            }
            loadedStep = code;
            loadedFor = now.artifact();
        }
        return loadedStep;
    }

    /**
     * An upgrade's turn (machine thread), written without lambdas: their call sites would be linked
     * here the first time, in the gap between two replies. What was prepared is checked again where it
     * can have changed: the release against the highest accepted now, the plan against the version
     * running now. A command not prepared ahead (replayed by a journal's recovery, say) is prepared here.
     * Its time is the journaled one ({@code given}) when replayed, else the one it was prepared at (the
     * clock is not read here; no earlier than the last version change's), else the clock's.
     */
    private VersionChange upgrade(NodeSnapshot now, Command command, PreparedUpgrade prepared, Instant given,
                                  long fuel) {
        PreparedUpgrade p = prepared != null ? prepared : PreparedUpgrade.of(command, options.trust(), now, 0);
        NodeSnapshot moved = given == null ? p.movedFrom(now) : null;
        Instant time = given != null || p.time() == null ? timeOf(given) : notBefore(p.time(), now);
        VersionChanges.Changed c;
        try {
            if (p.untrusted() != null) throw p.untrusted();
            VersionChanges.checkRelease(now, p.signer(), ChangeKind.UPGRADE);
            if (p.unreadable() != null) throw p.unreadable();
            c = withinLimits(VersionChange.Kind.UPGRADE, VersionChanges.upgrade(now, p.artifact(), p.plan(), moved,
                    fuel, time, p.signer()));
        } catch (Refusal refusal) {
            refused(VersionChange.Kind.UPGRADE, refusal);
            throw refusal;
        }
        return commit(command, time, c);
    }

    /**
     * Runs an old client's adapters ({@code what}: input or output). One that fails fails the step with
     * the step's own words (LANGUAGE.md §15: "The step failed: MESSAGE. The state is unchanged.").
     */
    private Value runAll(List<LoadedCode> adapters, Value v, String what, long fuel) {
        for (LoadedCode c : adapters) {
            try {
                v = Cam.run(c, v, null, fuel).value();
            } catch (RuntimeException e) {
                throw new Refusal(Refusal.Reason.STEP_FAILED, "The step failed: "
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
        // The next step finds the new version's code and route ready: the step path's branches that
        // load them stay untaken, so HotSpot's compiled step is not deoptimized in the gap. What was
        // prepared ahead (the step code, the erased input type) is taken as it is: this code runs too
        // rarely for HotSpot to compile it, so the less it does in the gap, the better.
        if (c.step() != null) {
            stepCode.put(c.next().identity(), c.step());
            loadedStep = c.step();
            loadedFor = c.next().artifact();
        } else {
            loadedStep(c.next());
        }
        resident = loadedStep.resident(c.next().state());
        stale = false;
        if (c.inputShape() != null) {
            directRoute = Interfaces.route(c.next(), c.next().identity());
            directShape = c.inputShape();
            directFor = c.next().artifact();
        } else {
            route(c.next(), Optional.empty());
        }
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
