package hotsm.vm.node;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * Where a node records what it does, on the machine thread, in order: the
 * write-ahead seam for journaling ({@code hotsm.vm.journal}) and replication.
 *
 * <p>{@link #append} sees every command just before it is applied; a log that
 * throws stops that command (answered with the failure, not applied).
 * {@link #commit} sees each command that changed the node, with the time it
 * used, between computing its result and committing it: a journal writes the
 * record there, so a crash leaves the node wholly before or wholly after the
 * command. {@link #answer} sends each reply; a journal holds it back until
 * every record before it is durable, so no client hears of a change a crash
 * could undo.
 */
@FunctionalInterface
public interface CommandLog {

    void append(Command command);

    /**
     * The command changed the node into {@code next}: record it, then run
     * {@code swap} (the one assignment that commits it). If this throws, the
     * command fails and the node is unchanged.
     *
     * @param time the time the command used (upgrades and downgrades), or null (steps read no clock)
     */
    default void commit(Command command, Instant time, NodeSnapshot next, Runnable swap) {
        swap.run();
    }

    /**
     * A step changed the node's state: as {@link #commit} (a step reads no clock), with the snapshot the
     * step leaves made only if the log needs it ({@code next.get()}, before or after {@code swap}): the
     * node keeps a step's state unbuilt ({@link hotsm.vm.jit.ResidentState}) and builds it only when asked.
     */
    default void commitStep(Command command, java.util.function.Supplier<NodeSnapshot> next, Runnable swap) {
        commit(command, null, next.get(), swap);
    }

    /** Complete {@code reply} with the result, or with the failure if it is not null. Never throws. */
    default void answer(CompletableFuture<Object> reply, Object result, Throwable failure) {
        if (failure == null) reply.complete(result);
        else reply.completeExceptionally(failure);
    }

    /** Write {@code now} as a snapshot (on demand); a node without a journal refuses. */
    default SnapshotWritten writeSnapshot(NodeSnapshot now) {
        throw new Refusal(Refusal.Reason.NOT_DURABLE,
                "This node keeps no journal (it was started without --data-dir), so it has no snapshot to write.");
    }

    /** Records nothing (and asks a step for no snapshot). */
    CommandLog NONE = new CommandLog() {
        @Override public void append(Command command) { }

        @Override public void commitStep(Command command, java.util.function.Supplier<NodeSnapshot> next,
                                         Runnable swap) {
            swap.run();
        }
    };
}
