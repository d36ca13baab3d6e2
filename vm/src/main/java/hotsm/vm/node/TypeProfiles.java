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
 * back, with steps between them. So the upgrade's turn, its commit and the steps right after it are
 * compiled before the first real upgrade, and with profiles in which an upgrade returns (compiled for
 * refusals alone, {@code Machine.apply} was thrown away at the first upgrade that succeeded). The
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

    /** Run the machine thread's code on other commands and values, on a scratch machine over {@code start}; once. */
    static void warm(NodeSnapshot start, NodeOptions options, StepCode startCode) {
        if (warmed) return;
        warmed = true;
        try {
            runAll(start, options, startCode);
        } catch (Throwable e) {   // only ever a cost: a node starts whatever happens here (a very deep value, say)
            EventLog.log("warming the machine thread's type profiles failed; the node starts anyway", e);
        }
    }

    /** All of it, every time it is called (tests call it so; nodes through {@link #warm}): throws what fails. */
    static void runAll(NodeSnapshot start, NodeOptions options, StepCode startCode) {
        run(start, options);
        futures();
        versionChanges(start, options, startCode);
    }

    private static void run(NodeSnapshot start, NodeOptions node) {
        // The node's own clock is not read (a version change reads it): a test's clock counts its readings.
        NodeOptions options = new NodeOptions(node.fuel(), CommandLog.NONE, NodeListener.NONE,
                java.time.Clock.fixed(java.time.Instant.EPOCH, java.time.ZoneOffset.UTC), node.limits(), node.trust());
        Machine scratch = Machine.forRehearsals(start, options);
        Command[] others = {new Command.ReadInfo(), new Command.ReadState(), new Command.ReadSnapshot(),
                new Command.UpgradeFromBytes(new byte[0]), new Command.Downgrade()};
        long fuel = Math.min(options.fuel(), 10_000);
        // A version change's commit: a snapshot made from copied lists, and a swap of its own kind.
        Runnable[] swaps = {() -> { }, () -> { }};   // two classes
        java.time.Instant time = start.history().get(start.history().size() - 1).since();
        for (int i = 0; i < ROUNDS; i++) {
            apply(scratch, others[i % others.length], fuel);
            NodeSnapshot moved = start.moveTo(start.artifact(), start.identity(), start.state(),
                    Version.Arrival.UPGRADED, time);
            CommandLog.NONE.commit(others[0], time, moved, swaps[i & 1]);
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

    /** Version-change cycles between the start and its twin, at most this many, within this long. */
    private static final int CYCLES = 300;
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
     * comment). The twin's step code is not warmed, so its class stays rarely run.
     */
    private static void versionChanges(NodeSnapshot start, NodeOptions node, StepCode startCode) {
        Instant time = start.history().get(start.history().size() - 1).since();
        // Any trust: unsigned changes of the node's own machine, on a clock that stands still at its last change.
        NodeOptions options = new NodeOptions(node.fuel(), CommandLog.NONE, NodeListener.NONE,
                java.time.Clock.fixed(time, java.time.ZoneOffset.UTC), node.limits(), TrustPolicy.open());
        Artifact twin = Twin.of(start.artifact(), start.identity());
        PreparedArtifact prepared = PreparedArtifact.of(twin, 0);
        VersionChanges.Plan once = VersionChanges.plan(start, prepared);
        if (once.failure() != null) return;   // a machine whose twin does not verify: nothing more to warm
        once = once.compiled(twin, MIGRATION_RUNS);
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
        if (step == null) return;
        began = System.nanoTime();
        for (int k = 0; k < STEPS_BEFORE_TWIN && System.nanoTime() - began < STEPS_NANOS; k++) {
            apply(scratch, step, fuel);
        }
        apply(scratch, upgrades[0], fuel, prepared(scratch, prepared, once, time));
        for (int k = 0; k < TWIN_STEPS; k++) apply(scratch, step, fuel);
        apply(scratch, downgrade, fuel);
    }

    /** The upgrade to the twin prepared as {@code Node.enqueue} does, against the version the scratch machine runs. */
    private static PreparedUpgrade prepared(Machine scratch, PreparedArtifact twin, VersionChanges.Plan once,
                                            Instant time) {
        VersionChanges.Plan plan = new VersionChanges.Plan(scratch.lastVersion(), once.section(), null,
                once.change(), once.migration());
        return new PreparedUpgrade(null, Optional.empty(), null, twin, plan, null, null).at(time);
    }
}
