package hotsm.vm.protocol;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;

/**
 * One request of a {@link NodeClient} waiting for its reply: its place in the
 * {@link ReplyRing}, the reply or the failure once it is known, and who waits.
 * Filled in by whichever thread reads the connection ({@link Replies}); its
 * mutable fields are guarded by that {@link Replies}' lock, except {@link #done},
 * which a thread may read without it: {@link #reply} and {@link #failure} are
 * set before it, so once it is true they may be read without the lock too.
 */
final class ReplySlot {
    /** The request's id on the wire. */
    final int id;
    /** For the asynchronous API ({@link NodeClient#request}, {@link NodeClient#stepAsync}); null when a thread of the client awaits it through {@link Replies#await}. */
    final CompletableFuture<Frame> future;
    /** The request's size on the wire, for a {@link StepStream}'s window. */
    int bytes;

    Frame reply;
    IOException failure;
    volatile boolean done;
    /** A thread parked until this slot is done, to be unparked then. */
    Thread waiter;
    /** Counted in {@link Replies}' unattended slots: someone wants it while nobody of theirs reads. */
    boolean unattended;

    ReplySlot(int id, CompletableFuture<Frame> future) {
        this.id = id;
        this.future = future;
    }
}
