package hotsm.bench;

import hotsm.vm.node.Command;
import hotsm.vm.node.CommandLog;
import java.util.concurrent.CompletableFuture;

/**
 * The times a node's machine thread makes its replies, taken there: a
 * {@link CommandLog} (the seam a journal uses) that records nothing durable,
 * stamps each step's reply just before it completes it, and stamps the start,
 * the reply and the end of each version change's turn. Steps are counted in
 * queue order, so step {@code k}'s reply time is {@link #stepReply}{@code (k)}.
 *
 * <p>Only the machine thread writes; readers wait for the counts they need
 * (published through volatile fields).
 */
final class ReplyStamps implements CommandLog {
    private static final int RING = 1 << 22;   // about a second of steps at the fastest rate seen
    private static final int MASK = RING - 1;

    private final long[] stepReplies = new long[RING];
    private volatile long steps;
    /** The command being applied (machine thread only). */
    private Command current;

    private volatile long changeStart;
    private volatile long changeReply;
    private volatile long changeCompleted;
    private volatile long stepsBeforeChange;

    /**
     * Runs this class's own type checks on every kind of command it tells apart, here, so that HotSpot does
     * not compile them for steps alone and then deoptimize the machine thread at the first upgrade: the
     * harness must not add a gap of its own (the node's code is what is measured).
     */
    ReplyStamps() {
        Command[] kinds = {new Command.Step(hotsm.vm.value.Value.UNIT, java.util.Optional.empty()),
                new Command.UpgradeFromBytes(new byte[0]), new Command.Downgrade(), new Command.ReadInfo()};
        for (int i = 0; i < 20_000; i++) {
            append(kinds[i & 3]);
            answer(new CompletableFuture<>(), (i & 1) == 0 ? null : "", (i & 2) == 0 ? null : new Exception());
        }
        steps = 0;
        changeStart = changeReply = changeCompleted = stepsBeforeChange = 0;
    }

    @Override
    public void append(Command command) {
        current = command;
        if (!(command instanceof Command.Step)) changeStart = System.nanoTime();
    }

    /**
     * Records nothing, so asks a step for no snapshot, as {@link CommandLog#NONE} (the default would build
     * the state after every step, which no node does: a journal builds it for its periodic snapshots only).
     */
    @Override
    public void commitStep(Command command, java.util.function.Supplier<hotsm.vm.node.NodeSnapshot> next,
                           Runnable swap) {
        swap.run();
    }

    @Override
    public void answer(CompletableFuture<Object> reply, Object result, Throwable failure) {
        long now = System.nanoTime();
        boolean change = false;
        if (current instanceof Command.Step) {
            long n = steps;
            stepReplies[(int) (n & MASK)] = now;
            steps = n + 1;
        } else if (current instanceof Command.Upgrade || current instanceof Command.UpgradeFromBytes
                || current instanceof Command.Downgrade) {
            change = true;
            changeReply = now;
            stepsBeforeChange = steps;
        }
        if (failure == null) reply.complete(result);
        else reply.completeExceptionally(failure);
        if (change) changeCompleted = System.nanoTime();
    }

    /** Steps answered so far. */
    long steps() {
        return steps;
    }

    /** When step {@code k} (from 0, in queue order) was answered; it must be one of the last {@value #RING}. */
    long stepReply(long k) {
        if (k < 0 || k >= steps || k < steps - RING) throw new IllegalArgumentException("step " + k + " not stamped");
        return stepReplies[(int) (k & MASK)];
    }

    /** When the last version change's turn began on the machine thread. */
    long changeStart() {
        return changeStart;
    }

    /** When the last version change was answered. */
    long changeReply() {
        return changeReply;
    }

    /** When the machine thread was done completing the last version change's reply (waking its caller). */
    long changeCompleted() {
        return changeCompleted;
    }

    /** How many steps were answered before the last version change: the first step after it is this one. */
    long stepsBeforeChange() {
        return stepsBeforeChange;
    }
}
