package hotsm.vm.node;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;
import java.util.concurrent.locks.LockSupport;

/**
 * The future of one queued command. It completes as any {@link CompletableFuture} does (callbacks run then,
 * in completion order), but a thread that waits for it in {@link #join} or {@link #get()} may be woken later,
 * once the machine thread has completed the whole run of replies this one belongs to ({@link HeldReplies}):
 * an in-process producer that pipelines steps and waits for its oldest is then woken once for the run, finding
 * its later replies done as well, instead of once per reply, each wake-up costing the machine thread a system
 * call and often its core.
 */
final class Reply extends CompletableFuture<Object> {
    private static final AtomicReferenceFieldUpdater<Reply, Thread> WAITER =
            AtomicReferenceFieldUpdater.newUpdater(Reply.class, Thread.class, "waiter");

    /** The one thread waiting in {@link #join} or {@link #get()} by this class's means, or null. */
    private volatile Thread waiter;

    @Override
    public boolean complete(Object value) {
        boolean completed = super.complete(value);
        wake();
        return completed;
    }

    @Override
    public boolean completeExceptionally(Throwable failure) {
        boolean completed = super.completeExceptionally(failure);
        wake();
        return completed;
    }

    /** Completes it (callbacks run now) without waking the thread waiting in {@link #join}: the caller {@link #wake}s later. */
    void completeHeld(Object result, Throwable failure) {
        if (failure == null) super.complete(result);
        else super.completeExceptionally(failure);
    }

    /** Wakes the thread waiting in {@link #join} or {@link #get()}, if any (it checks whether this is done). */
    void wake() {
        Thread w = waiter;
        if (w != null) LockSupport.unpark(w);
    }

    @Override
    public Object join() {
        if (!isDone()) await();
        return super.join();
    }

    @Override
    public Object get() throws InterruptedException, ExecutionException {
        if (!isDone() && !awaitInterruptibly()) throw new InterruptedException();
        return super.get();
    }

    /** Waits until done, as {@link CompletableFuture#join} does: an interrupt is kept, not thrown. */
    private void await() {
        Thread me = Thread.currentThread();
        if (!WAITER.compareAndSet(this, null, me)) return;   // another thread waits here: CompletableFuture's own wait
        boolean interrupted = false;
        // The waiter is published before done is read, and the completer reads the waiter after completing:
        // one of the two sees the other, so the wake-up is never lost.
        while (!isDone()) {
            LockSupport.park(this);
            if (Thread.interrupted()) interrupted = true;
        }
        waiter = null;
        if (interrupted) me.interrupt();
    }

    /** The same, giving up (false) when the thread is interrupted, as {@link CompletableFuture#get()} does. */
    private boolean awaitInterruptibly() {
        Thread me = Thread.currentThread();
        if (!WAITER.compareAndSet(this, null, me)) return true;   // CompletableFuture's own wait
        try {
            while (!isDone()) {
                if (Thread.interrupted()) return false;
                LockSupport.park(this);
            }
            return true;
        } finally {
            waiter = null;
        }
    }
}
