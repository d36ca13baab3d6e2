package hotsm.vm.protocol;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The reading side of a {@link NodeClient}: who reads the connection, and
 * how each reply gets to whoever waits for it.
 *
 * <p>One thread at a time holds the <em>reading role</em>. A thread that
 * waits for its own reply ({@link #await}: every blocking call of the client,
 * and a {@link StepStream}) takes the role if nobody has it and reads the
 * socket itself, handing every reply it reads to its slot, until its own is
 * there; a request–reply call thus costs no thread hand-off on the client. A
 * thread that finds the role taken parks until the holder hands it its reply.
 * Replies that nobody reads for (the asynchronous API's futures, the threads
 * parked meanwhile) are counted as <em>unattended</em>; while there are any
 * and nobody reads, a background reader thread (started when first needed)
 * takes the role. So the client has no reader thread while it is used only
 * synchronously or through a stream, and never leaves a wanted reply unread.
 *
 * <p>A reader that waits for its own reply reads in slices of at most
 * {@link #SLICE_MS} so that it notices an interrupt (the REPL's Ctrl-C) and
 * its reply timeout ({@code --timeout}); {@link ReplyReader} keeps a frame
 * cut by a slice. When the connection ends or cannot be read any more, every
 * waiting request fails with the reason, and so does every later one.
 */
final class Replies {
    /** The longest a reader blocks before it checks its deadline and interrupts. */
    static final int SLICE_MS = 100;

    private final ReentrantLock lock = new ReentrantLock();
    /** Signalled when the background reader may be needed. */
    private final Condition wanted = lock.newCondition();
    private final ReplyRing ring = new ReplyRing();
    private final ReplyReader reader;
    private final Socket socket;
    private final HostPort address;
    private final Duration replyTimeout;
    /** The thread holding the reading role, or null; guarded by the lock. */
    private Thread reading;
    private int unattended;
    private IOException broken;
    private Thread background;
    /** The socket's read timeout as last set (only the role holder sets it). */
    private int soTimeout = -1;

    Replies(Socket socket, ReplyReader reader, HostPort address, Duration replyTimeout) {
        this.socket = socket;
        this.reader = reader;
        this.address = address;
        this.replyTimeout = replyTimeout;
    }

    /**
     * Registers the next request before it is written (the caller writes in
     * id order). With a future, the reply is unattended: read by the
     * background reader unless a waiting thread reads it first.
     *
     * @throws IOException if the connection is already over
     */
    ReplySlot add(int id, CompletableFuture<Frame> future) throws IOException {
        lock.lock();
        try {
            if (broken != null) throw broken;
            ReplySlot s = new ReplySlot(id, future);
            ring.add(s);
            if (future != null) attend(s, false);
            return s;
        } finally {
            lock.unlock();
        }
    }

    /** The reason the connection is over, or null while it is usable. */
    IOException broken() {
        lock.lock();
        try {
            return broken;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The reply for {@code s} (an {@code ERROR} frame included), reading the
     * connection on this thread if nobody else is; the caller has flushed
     * its request.
     *
     * @throws IOException if the connection fails, the reply timeout passes, or the thread is interrupted
     */
    Frame await(ReplySlot s) throws IOException {
        if (s.done) return result(s);   // read already (a pipelined reply, mostly): no lock, no clock
        long deadline = System.nanoTime() + replyTimeout.toNanos();
        Thread me = Thread.currentThread();
        lock.lock();
        try {
            while (true) {
                if (s.done) return result(s);
                long left = deadline - System.nanoTime();
                if (left <= 0 || me.isInterrupted()) {
                    attend(s, true);
                    if (left <= 0) {
                        throw new IOException("the node at " + address + " did not answer within "
                                + ClientHandshake.seconds(replyTimeout) + " (--timeout)");
                    }
                    throw new IOException("interrupted while waiting for the node");   // the flag stays set
                }
                if (reading == null) {
                    reading = me;
                    lock.unlock();
                    try {
                        readUntil(s, deadline);
                    } finally {
                        lock.lock();
                        release();
                    }
                } else if (reading == me) {
                    // Called back while handing out a reply (a future's callback): read on, the role is ours.
                    lock.unlock();
                    try {
                        readUntil(s, deadline);
                    } finally {
                        lock.lock();
                    }
                } else {
                    s.waiter = me;
                    attend(s, false);
                    lock.unlock();
                    try {
                        LockSupport.parkNanos(this, Math.min(left, TimeUnit.MILLISECONDS.toNanos(SLICE_MS)));
                    } finally {
                        lock.lock();
                        s.waiter = null;
                    }
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private static Frame result(ReplySlot s) throws IOException {
        if (s.failure != null) throw s.failure;
        return s.reply;
    }

    /** Marks {@code s} as wanted by nobody reading ({@code done}: no longer wanted); called holding the lock. */
    private void attend(ReplySlot s, boolean done) {
        if (s.unattended == !done) return;
        s.unattended = !done;
        unattended += done ? -1 : 1;
        if (!done && reading == null) startOrWakeBackground();
    }

    /** Gives up the reading role; called holding the lock. */
    private void release() {
        reading = null;
        if (unattended > 0) startOrWakeBackground();
    }

    private void startOrWakeBackground() {
        if (broken != null) return;
        if (background == null) {
            background = new Thread(this::readInBackground, "hotsm-client-" + address);
            background.setDaemon(true);
            background.start();
        }
        wanted.signal();
    }

    /**
     * Holding the role: reads and hands out replies until {@code s} is done,
     * the deadline passes or the thread is interrupted (then the caller
     * decides), or the connection fails (then every slot has failed).
     */
    private void readUntil(ReplySlot s, long deadline) {
        while (!s.done) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || Thread.currentThread().isInterrupted()) return;
            int slice = (int) Math.max(1, Math.min(SLICE_MS, TimeUnit.NANOSECONDS.toMillis(left)));
            if (!readOnce(slice)) return;
        }
    }

    /** The background reader: reads while replies are unattended and nobody else reads. */
    private void readInBackground() {
        lock.lock();
        try {
            while (broken == null) {
                if (reading != null || unattended == 0) {
                    wanted.awaitUninterruptibly();
                    continue;
                }
                reading = Thread.currentThread();
                lock.unlock();
                try {
                    readOnce(0);
                } finally {
                    lock.lock();
                    reading = null;
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Reads once (blocking up to {@code timeoutMs}, 0 for no limit) and hands
     * out every whole reply read; holding the role, not the lock.
     *
     * @return false if the connection is over
     */
    private boolean readOnce(int timeoutMs) {
        try {
            if (soTimeout != timeoutMs) {
                socket.setSoTimeout(timeoutMs);
                soTimeout = timeoutMs;
            }
            boolean more;
            try {
                more = reader.fill();
            } catch (SocketTimeoutException e) {
                return true;
            }
            deliverAll();
            if (!more) {
                fail(reader.betweenFrames() ? new IOException("the node closed the connection")
                        : new IOException("connection lost: the stream ended inside a frame"));
                return false;
            }
            return true;
        } catch (ConnectionOver e) {
            fail(e.why);
            return false;
        } catch (IOException e) {
            fail(socket.isClosed() ? new IOException("connection closed")
                    : new IOException("connection lost: " + e.getMessage(), e));
            return false;
        } catch (RuntimeException | Error e) {   // OutOfMemoryError included: fail the waiting calls, never hang them
            fail(new IOException("the client failed reading the node's replies: " + e, e));
            if (e instanceof ThreadDeath) throw e;   // a REPL line given up after Ctrl-C: the thread is to end
            return false;
        }
    }

    /** The node ended the connection with an error frame tied to no request. */
    private static final class ConnectionOver extends RuntimeException {
        final IOException why;

        ConnectionOver(IOException why) {
            super(why.getMessage(), null, false, false);
            this.why = why;
        }
    }

    /**
     * Hands every whole reply read so far to its slot, all under one hold of
     * the lock (a read brings many pipelined replies); the threads parked on
     * them are woken, and the futures completed, after it, in the replies'
     * order.
     *
     * @throws FrameIO.BadLength  if a frame's length is out of bounds (the replies before it are handed out)
     * @throws ConnectionOver     if the node ended the connection (likewise)
     */
    private void deliverAll() throws FrameIO.BadLength {
        ReplySlot[] woken = null;   // slots with a waiter or a future, to wake after the lock
        int nWoken = 0;
        lock.lock();
        try {
            for (Frame f = reader.next(); f != null; f = reader.next()) {
                ReplySlot s = ring.take(f.requestId());
                if (s == null) {
                    if (f.type() != MessageType.ERROR.code()) continue;   // a reply to no request of ours: ignored
                    throw connectionOver(f);
                }
                s.reply = f;
                s.done = true;
                attend(s, true);
                if (s.waiter != null || s.future != null) {
                    if (woken == null) woken = new ReplySlot[8];
                    else if (nWoken == woken.length) woken = java.util.Arrays.copyOf(woken, nWoken * 2);
                    woken[nWoken++] = s;
                }
            }
        } finally {
            lock.unlock();
            for (int i = 0; i < nWoken; i++) {
                ReplySlot s = woken[i];
                Thread w = s.waiter;
                if (w != null) LockSupport.unpark(w);
                if (s.future != null) s.future.complete(s.reply);
            }
        }
    }

    /** An error frame tied to no request (a frame the node could not read): the connection is over. */
    private static ConnectionOver connectionOver(Frame f) {
        String message;
        try {
            message = Messages.error(f.body()).message();
        } catch (ProtocolException e) {
            message = "unreadable error";
        }
        return new ConnectionOver(new IOException("the node closed the connection: " + message));
    }

    /** Ends the connection: every waiting request, and every later one, fails with {@code why}. */
    void fail(IOException why) {
        List<ReplySlot> failed;
        lock.lock();
        try {
            if (broken != null) return;
            broken = why;
            failed = ring.takeAll();
            for (ReplySlot s : failed) {
                s.failure = why;
                s.unattended = false;
                s.done = true;
            }
            unattended = 0;
            wanted.signalAll();
        } finally {
            lock.unlock();
        }
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (ReplySlot s : failed) {
            if (s.waiter != null) LockSupport.unpark(s.waiter);
            if (s.future != null) s.future.completeExceptionally(why);
        }
    }
}
