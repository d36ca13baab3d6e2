package hotsm.vm.node;

import java.util.Arrays;
import java.util.concurrent.CompletableFuture;

/**
 * The replies a machine-thread turn has made and not yet sent, completed together, in order, when the turn
 * ends or this holds {@link #MAX}: the machine thread applies a run of queued commands back to back and then
 * wakes the threads that wait for them once each (a producer parked on one reply is woken for the whole run's
 * worth of its replies, not for each of them). Only for a node whose {@link CommandLog} is {@link
 * CommandLog#NONE} (a journal or a replication log answers each command itself) and with no listener. Used by
 * the thread that owns the machine only, which sends them before it gives the machine up, so replies still
 * complete in the order the commands ran, and before anything that may run long ({@code Node.applyHolding}),
 * so a reply never waits for a long step after it.
 */
final class HeldReplies {
    /** The most replies held: a turn's worth, so a reply waits at most for this many commands after its own. */
    static final int MAX = 256;

    @SuppressWarnings("unchecked")
    private final CompletableFuture<Object>[] replies = new CompletableFuture[MAX];
    private final Object[] results = new Object[MAX];
    private final Throwable[] failures = new Throwable[MAX];
    private int held;

    /** Holds one reply: {@code result}, or {@code failure} if it is not null; sends them all if full. */
    void hold(CompletableFuture<Object> reply, Object result, Throwable failure) {
        replies[held] = reply;
        results[held] = result;
        failures[held] = failure;
        if (++held == MAX) send();
    }

    /** Whether any reply is held. */
    boolean any() {
        return held > 0;
    }

    /** Completes every held reply in the order held. Never throws (a future's callbacks' failures stay in theirs). */
    void send() {
        int n = held;
        if (n == 0) return;
        for (int i = 0; i < n; i++) {
            CompletableFuture<Object> reply = replies[i];
            Throwable failure = failures[i];
            if (reply instanceof Reply r) r.completeHeld(results[i], failure);
            else if (failure == null) reply.complete(results[i]);
            else reply.completeExceptionally(failure);
        }
        // Then the threads waiting in Reply.join, each once for the whole run (HeldReplies' point).
        for (int i = 0; i < n; i++) {
            if (replies[i] instanceof Reply r) r.wake();
        }
        held = 0;
        Arrays.fill(replies, 0, n, null);
        Arrays.fill(results, 0, n, null);
        Arrays.fill(failures, 0, n, null);
    }
}
