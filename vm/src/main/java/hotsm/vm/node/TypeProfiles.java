package hotsm.vm.node;

import hotsm.vm.types.Shape;
import hotsm.vm.value.Value;
import hotsm.vm.value.ValueSize;
import hotsm.vm.value.Values;
import java.util.List;

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
    static void warm(NodeSnapshot start, NodeOptions options) {
        if (warmed) return;
        warmed = true;
        try {
            run(start, options);
        } catch (Throwable e) {   // only ever a cost: a node starts whatever happens here (a very deep value, say)
            EventLog.log("warming the machine thread's type profiles failed; the node starts anyway", e);
        }
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
        try {
            scratch.apply(command, null, fuel, null);
        } catch (RuntimeException refused) {
            // a refused upgrade or downgrade (the point): nothing changes
        }
    }
}
