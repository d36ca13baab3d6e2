package hotsm.vm.node;

import hotsm.vm.bytecode.Artifact;
import hotsm.vm.bytecode.ArtifactCodec;
import hotsm.vm.jit.StepCode;
import hotsm.vm.trust.TrustPolicy;
import hotsm.vm.types.Shape;
import hotsm.vm.value.Value;
import hotsm.vm.value.ValueSize;
import hotsm.vm.value.Values;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The machine thread's code run, when a node starts and on the starting thread, with more than the
 * steps it will run most (issue 11, the upgrade gap). HotSpot compiles the machine thread's loop for
 * what it has seen: run on steps alone, its checks of the command's kind and of the values' kinds
 * are compiled for steps and that version's values only, and the first upgrade then meets a path
 * compiled out (an "uncommon trap": the thread's compiled frames are thrown away and it goes on
 * interpreted, tens to hundreds of microseconds in the reply gap; LogCompilation showed them in
 * {@code Machine.apply} and {@code ValueSize.of} at the first upgrade). Here the same methods see the
 * other commands (reads, a refused upgrade and a downgrade, on a scratch machine: nothing of the node
 * changes; steps they will see soon enough), a version change's snapshot and commit, and values of
 * every kind, so their profiles are not those of steps alone (for the call into a version's class,
 * {@code -Dhotsm.jit.polymorphic=true} does the same: {@code hotsm.vm.jit.PolymorphicSteps}).
 *
 * <p>Then the version changes themselves, on a scratch machine that runs the node's own step code:
 * upgrades to the running machine's {@link Twin} (from bytes and from an artifact) and downgrades
 * back, with steps between them, a few through {@code Machine.apply} (so its profile has upgrades that
 * return: compiled for refusals alone, it was thrown away at the first upgrade that succeeded; and few
 * enough that HotSpot does not inline the turn into it, see {@link #CYCLES}), then the turn alone many
 * times on a thread of its own ({@link #turns}), so that its methods are compiled before the first real
 * upgrade, with bases and times of several kinds (a short and a long history, a time after the last
 * change, equal to it and before it), so no path of it is compiled out. The
 * twin's own step class runs a few steps only, after many of the node's: the call into the compiled
 * class in {@code ResidentState.step} is then profiled with two classes, the node's nearly always,
 * and HotSpot inlines the node's class behind a class check and calls any other class (an upgrade's)
 * virtually, instead of deoptimising the machine thread when the first upgrade's class arrives; the
 * twin's class runs too rarely to be inlined itself. And the futures' dependents of other kinds are
 * loaded and completed, so that a node's first {@code thenApply} (say) does not invalidate machine
 * thread code compiled while replies had one kind of dependent only.
 */
final class TypeProfiles {
    private TypeProfiles() {}

    private static final int ROUNDS = 1_000;

    /** Profiles are the JVM's, not a node's: the first node started warms them for all. */
    private static volatile boolean warmed;

    /** Values and shapes of each kind (a unit, an integer, a string, a pair, both sums, a list). */
    private static final List<Value> VALUES = List.of(Value.UNIT, Value.of(1_000_000), Value.of("s"),
            new Value.Pair(Value.of(1_000_000), Value.of(2_000_000)), new Value.Inl(Value.UNIT),
            new Value.Inr(new Value.Pair(Value.UNIT, Value.of(3))), Value.ListOf.of(List.of(Value.of(1))));
    private static final List<Shape> SHAPES = List.of(new Shape.Unit(), new Shape.Int(), new Shape.Str(),
            new Shape.Pair(new Shape.Int(), new Shape.Int()), new Shape.Sum(new Shape.Unit(), new Shape.Int()),
            new Shape.ListOf(new Shape.Int()));

    /**
     * Run the machine thread's code on other commands, values and version changes, on scratch machines over
     * {@code start}, once per JVM; the upgrade turns then on a daemon thread, {@code hotsm-warm-up}.
     */
    static void warm(NodeSnapshot start, NodeOptions options, StepCode startCode) {
        if (warmed) return;
        warmed = true;
        try {
            Runnable turns = profiles(start, options, startCode);
            if (turns != null) {
                Thread t = new Thread(() -> {
                    try {
                        turns.run();
                    } catch (Throwable e) {
                        EventLog.log("rehearsing upgrade turns failed (only ever a cost)", e);
                    }
                }, "hotsm-warm-up");
                t.setDaemon(true);
                t.start();
            }
        } catch (Throwable e) {   // only ever a cost: a node starts whatever happens here (a very deep value, say)
            EventLog.log("warming the machine thread's type profiles failed; the node starts anyway", e);
        }
    }

    /** All of it, every time it is called, the turns too, on this thread (tests); throws what fails. */
    static void runAll(NodeSnapshot start, NodeOptions options, StepCode startCode) {
        Runnable turns = profiles(start, options, startCode);
        if (turns != null) turns.run();
    }

    /** The profiles, here; returns the upgrade turns to rehearse after them ({@link #turns}), or null. */
    private static Runnable profiles(NodeSnapshot start, NodeOptions options, StepCode startCode) {
        run(start, options);
        futures();
        return versionChanges(start, options, startCode);
    }

    private static void run(NodeSnapshot start, NodeOptions node) {
        // The node's own clock is not read (a version change reads it): a test's clock counts its readings.
        NodeOptions options = new NodeOptions(node.fuel(), CommandLog.NONE, NodeListener.NONE,
                java.time.Clock.fixed(java.time.Instant.EPOCH, java.time.ZoneOffset.UTC), node.limits(), node.trust());
        Machine scratch = Machine.forRehearsals(start, options);
        Command[] reads = {new Command.ReadInfo(), new Command.ReadState(), new Command.ReadSnapshot()};
        // A refused upgrade and a refused downgrade once in 64 rounds each (few: see CYCLES).
        Command[] changes = {new Command.UpgradeFromBytes(new byte[0]), new Command.Downgrade()};
        long fuel = Math.min(options.fuel(), 10_000);
        // A version change's commit: a snapshot made from copied lists, and a swap of its own kind.
        Runnable[] swaps = {() -> { }, () -> { }};   // two classes
        java.time.Instant time = start.history().get(start.history().size() - 1).since();
        for (int i = 0; i < ROUNDS; i++) {
            apply(scratch, i % 64 < changes.length ? changes[i % 64] : reads[i % reads.length], fuel);
            NodeSnapshot moved = start.moveTo(start.artifact(), start.identity(), start.state(),
                    Version.Arrival.UPGRADED, time);
            CommandLog.NONE.commit(reads[0], time, moved, swaps[i & 1]);
            for (Value v : VALUES) {
                ValueSize.of(v, 1_000);
                for (Shape s : SHAPES) Values.conforms(v, s);
            }
        }
    }

    private static void apply(Machine scratch, Command command, long fuel) {
        apply(scratch, command, fuel, null);
    }

    private static void apply(Machine scratch, Command command, long fuel, PreparedUpgrade prepared) {
        try {
            scratch.apply(command, null, fuel, prepared);
        } catch (RuntimeException refused) {
            // a refused upgrade or downgrade (the point), a step that fails on the sample input: nothing changes
        }
    }

    /** Replies' futures with dependents of the kinds a node's callers attach, completed both ways. */
    private static void futures() {
        for (int i = 0; i < ROUNDS; i++) {
            CompletableFuture<Object> reply = new CompletableFuture<>();
            reply.thenApply(VersionChange.class::isInstance);
            reply.whenComplete((result, failure) -> { });
            reply.handle((result, failure) -> result);
            if ((i & 1) == 0) reply.complete(Value.UNIT);
            else reply.completeExceptionally(new Refusal(Refusal.Reason.STOPPED, "warming up"));
        }
    }

    /**
     * Version-change cycles between the start and its twin through {@code Machine.apply}, at most this many,
     * within this long. Few: HotSpot inlines a call made 100 times or more into its caller, and the upgrade's
     * turn inlined into {@code Machine.apply} (the machine thread's hottest method) would take it down with it
     * at any path the warm-ups did not take (a deoptimisation that sends every step back to the interpreter).
     * With {@code run}'s refused ones (16 of each), the call stays well under that count. The turn itself
     * is rehearsed directly, many more times ({@link #turns}).
     */
    private static final int CYCLES = 10;
    private static final long CYCLES_NANOS = 30_000_000;
    /** Steps of the node's own class after each downgrade, and before the twin's steps (within this long). */
    private static final int STEPS = 20;
    private static final int STEPS_BEFORE_TWIN = 3_000;
    private static final long STEPS_NANOS = 20_000_000;
    /** Steps of the twin's class: far fewer than HotSpot's threshold for inlining a callee (250 runs). */
    private static final int TWIN_STEPS = 30;
    /** Runs of the twin's compiled migration before the cycles (as an upgrade's is warmed when prepared). */
    private static final int MIGRATION_RUNS = 100;

    /**
     * Upgrades to the start's {@link Twin} and downgrades back on a scratch machine running {@code startCode}
     * (the node's step code, so its class is the one the steps profile), with steps of the node's class
     * between them; then, once those steps are profiled, a few steps of the twin's class (see the class
     * comment). The twin's step code is not warmed, so its class stays rarely run. Returns the upgrade's
     * turns to rehearse next ({@link #turns}), or null if the twin cannot be reached.
     */
    private static Runnable versionChanges(NodeSnapshot start, NodeOptions node, StepCode startCode) {
        Instant time = start.history().get(start.history().size() - 1).since();
        // Any trust: unsigned changes of the node's own machine, on a clock that stands still at its last change.
        NodeOptions options = new NodeOptions(node.fuel(), CommandLog.NONE, NodeListener.NONE,
                java.time.Clock.fixed(time, java.time.ZoneOffset.UTC), node.limits(), TrustPolicy.open());
        Artifact twin = Twin.of(start.artifact(), start.identity());
        PreparedArtifact prepared = PreparedArtifact.of(twin, 0);
        VersionChanges.Plan planned = VersionChanges.plan(start, prepared);
        if (planned.failure() != null) return null;   // a machine whose twin does not verify: nothing more to warm
        VersionChanges.Plan once = planned.compiled(twin, MIGRATION_RUNS);
        Command[] upgrades = {new Command.UpgradeFromBytes(ArtifactCodec.encode(twin)), new Command.Upgrade(twin)};
        Command downgrade = new Command.Downgrade();
        Value input = StepCode.sample(start.artifact().input().erase());
        Command step = input == null ? null : new Command.Step(input, Optional.empty());
        long fuel = Math.min(options.fuel(), 10_000);
        Machine scratch = Machine.forWarmUps(start, options, startCode);
        long began = System.nanoTime();
        for (int i = 0; i < CYCLES && System.nanoTime() - began < CYCLES_NANOS; i++) {
            apply(scratch, upgrades[i & 1], fuel, prepared(scratch, prepared, once, time));
            apply(scratch, downgrade, fuel);
            for (int k = 0; step != null && k < STEPS; k++) apply(scratch, step, fuel);
        }
        Runnable twinSteps = step == null ? () -> { } : () -> {
            apply(scratch, upgrades[0], fuel, prepared(scratch, prepared, once, time));
            for (int k = 0; k < TWIN_STEPS; k++) apply(scratch, step, fuel);
            apply(scratch, downgrade, fuel);
        };
        if (step != null) {
            began = System.nanoTime();
            for (int k = 0; k < STEPS_BEFORE_TWIN && System.nanoTime() - began < STEPS_NANOS; k++) {
                apply(scratch, step, fuel);
            }
            // The twin's steps here, and again after the turns (see there): its class in the call's profile
            // only once HotSpot profiles the call, which it may not yet do here.
            twinSteps.run();
        }
        // Bases with a short history and a long one (lists of other classes), prepared at a time later than their
        // last change, equal to it and earlier (the turn takes the later of the two).
        NodeSnapshot[] bases = {start, scratch.lastVersion()};
        long[] seconds = {1, 0, -1, 3_600};
        PreparedUpgrade[] turns = new PreparedUpgrade[bases.length * seconds.length];
        Machine[] machines = new Machine[turns.length];
        for (int b = 0; b < bases.length; b++) {
            for (int t = 0; t < seconds.length; t++) {
                Machine m = Machine.forWarmUps(bases[b], options, startCode);
                Instant last = bases[b].history().get(bases[b].history().size() - 1).since();
                machines[b * seconds.length + t] = m;
                turns[b * seconds.length + t] = prepared(m, prepared, once, last.plusSeconds(seconds[t]).plusNanos(t));
            }
        }
        return () -> {
            turns(machines, upgrades, turns, fuel);
            twinSteps.run();
        };
    }

    /** Upgrade turns rehearsed after the profiles, at most this many, within this long. */
    private static final int TURNS = 3_000;
    private static final long TURNS_NANOS = 300_000_000;

    /**
     * The upgrade's turn alone, again and again from the start, as {@link PreparedUpgrade} rehearses a real
     * one, and as often as HotSpot needs to compile its methods (thousands of runs while the compilers are
     * busy, as they are after a start): version changes are rare, so without this the turn's methods are
     * compiled only after the first real upgrades, and the first turns run them in the interpreter (50 to
     * 130 µs of the machine thread's time). A node runs this on a thread of its own after the profiles
     * (at most 300 ms, once per JVM), so that it does not delay the start; it changes nothing but HotSpot's
     * counters.
     */
    private static void turns(Machine[] machines, Command[] upgrades, PreparedUpgrade[] prepared, long fuel) {
        NodeSnapshot[] bases = new NodeSnapshot[machines.length];
        for (int k = 0; k < machines.length; k++) bases[k] = machines[k].lastVersion();
        long began = System.nanoTime();
        try {
            for (int i = 0; i < TURNS && System.nanoTime() - began < TURNS_NANOS; i++) {
                int k = i % machines.length;
                machines[k].rehearseUpgrade(bases[k], upgrades[(i / machines.length) & 1], prepared[k], null, fuel);
            }
        } catch (RuntimeException refused) {
            // the cycles before would have been refused too: nothing to warm
        }
    }

    /** The upgrade to the twin prepared as {@code Node.enqueue} does, against the version the scratch machine runs. */
    private static PreparedUpgrade prepared(Machine scratch, PreparedArtifact twin, VersionChanges.Plan once,
                                            Instant time) {
        VersionChanges.Plan plan = new VersionChanges.Plan(scratch.lastVersion(), once.section(), null,
                once.change(), once.migration());
        return new PreparedUpgrade(null, Optional.empty(), null, twin, plan, null, null).at(time);
    }
}
