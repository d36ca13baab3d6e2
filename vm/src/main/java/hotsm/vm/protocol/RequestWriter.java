package hotsm.vm.protocol;

import hotsm.vm.bytecode.Identity;
import hotsm.vm.value.Value;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;

/**
 * The writing side of a {@link NodeClient}: numbers requests, registers each
 * with {@link Replies} in the order it goes on the wire, and encodes frames
 * into one reusable buffer that is written out when it fills or when asked
 * ({@link Flush}). A step's interface identity and input are copied from
 * encodings kept from the previous step when they are the same objects, so a
 * stream of steps of one value encodes it once. Calls are serialised on this
 * object; a failed write ends the connection ({@link Replies#fail}), since the
 * node may have received half a frame.
 */
final class RequestWriter {
    /** When a request's bytes go out. */
    enum Flush {
        /** Now: the caller is about to wait for the reply. */
        NOW,
        /** When the caller waits or sends more than the buffer holds ({@link StepStream}). */
        BY_CALLER,
        /** Soon, by the flusher thread, batching what was written meanwhile (the asynchronous API). */
        BY_FLUSHER
    }

    private static final int BUFFER = 1 << 16;
    /** Length, type, id, interface flag, identity. */
    private static final int STEP_HEAD = 4 + Wire.FRAME_HEADER + 1 + 32;

    private final OutputStream out;
    private final Replies replies;
    private final String name;
    private final byte[] buf = new byte[BUFFER];
    private int size;
    private int nextId = 1;
    /** Bytes are in the buffer that the flusher thread is to send. */
    private boolean flusherOwes;
    private volatile Thread flusher;
    private volatile boolean closed;

    private Identity lastIdentity;
    private byte[] lastIdentityBytes;
    private Value lastInput;
    private byte[] lastInputBytes;

    RequestWriter(OutputStream out, Replies replies, String name) {
        this.out = out;
        this.replies = replies;
        this.name = name;
    }

    /** Sends one request; {@code future} non-null for the asynchronous API. */
    synchronized ReplySlot send(int type, byte[] body, Flush flush, CompletableFuture<Frame> future)
            throws IOException {
        ReplySlot slot = replies.add(nextId, future);
        int id = nextId++;
        slot.bytes = 4 + Wire.FRAME_HEADER + body.length;
        try {
            room(4 + Wire.FRAME_HEADER);
            header(Wire.FRAME_HEADER + body.length, type, id);
            if (body.length <= buf.length - size) {
                System.arraycopy(body, 0, buf, size, body.length);
                size += body.length;
            } else {
                drain();
                out.write(body);   // an artifact, say: straight to the socket
            }
            done(flush);
        } catch (IOException e) {
            throw broken(e);
        }
        return slot;
    }

    /** The size on the wire of a step of {@code input} (encoding it, for the next {@link #step} of it). */
    synchronized int stepBytes(Value input) {
        return STEP_HEAD + encoded(input).length;
    }

    /** Sends a {@code STEP} naming interface {@code as}. */
    synchronized ReplySlot step(Identity as, Value input, Flush flush, CompletableFuture<Frame> future)
            throws IOException {
        byte[] value = encoded(input);
        if (STEP_HEAD + value.length > buf.length) {
            byte[] body = new byte[1 + 32 + value.length];
            body[0] = 1;
            System.arraycopy(identity(as), 0, body, 1, 32);
            System.arraycopy(value, 0, body, 33, value.length);
            return send(MessageType.STEP.code(), body, flush, future);
        }
        ReplySlot slot = replies.add(nextId, future);
        int id = nextId++;
        slot.bytes = STEP_HEAD + value.length;
        try {
            room(slot.bytes);
            header(Wire.FRAME_HEADER + 1 + 32 + value.length, MessageType.STEP.code(), id);
            buf[size++] = 1;
            System.arraycopy(identity(as), 0, buf, size, 32);
            size += 32;
            System.arraycopy(value, 0, buf, size, value.length);
            size += value.length;
            done(flush);
        } catch (IOException e) {
            throw broken(e);
        }
        return slot;
    }

    private byte[] encoded(Value input) {
        // The same object only: a record's equals would link method handles at a short command's start.
        if (input != lastInput) {
            lastInputBytes = new WireOut().value(input).toBytes();
            lastInput = input;
        }
        return lastInputBytes;
    }

    private byte[] identity(Identity as) {
        if (as != lastIdentity) {
            lastIdentityBytes = as.bytes();
            lastIdentity = as;
        }
        return lastIdentityBytes;
    }

    private void header(int length, int type, int id) {
        int at = size;
        buf[at] = (byte) (length >>> 24);
        buf[at + 1] = (byte) (length >>> 16);
        buf[at + 2] = (byte) (length >>> 8);
        buf[at + 3] = (byte) length;
        buf[at + 4] = (byte) type;
        buf[at + 5] = (byte) (id >>> 24);
        buf[at + 6] = (byte) (id >>> 16);
        buf[at + 7] = (byte) (id >>> 8);
        buf[at + 8] = (byte) id;
        size = at + 9;
    }

    /** Makes room for {@code n} bytes (at most the buffer's size) by writing out what is there. */
    private void room(int n) throws IOException {
        if (buf.length - size < n) drain();
    }

    private void drain() throws IOException {
        if (size > 0) {
            out.write(buf, 0, size);
            size = 0;
        }
    }

    private void done(Flush flush) throws IOException {
        switch (flush) {
            case NOW -> flushBuffer();
            case BY_CALLER -> { }
            case BY_FLUSHER -> {
                if (!flusherOwes && size > 0) {
                    flusherOwes = true;
                    wakeFlusher();
                }
            }
        }
    }

    /** Takes what is buffered, for the caller to write itself (with the handshake's last message). */
    synchronized byte[] takeBuffered() {
        byte[] bytes = java.util.Arrays.copyOf(buf, size);
        size = 0;
        return bytes;
    }

    /** Writes out everything buffered. */
    synchronized void flush() throws IOException {
        try {
            flushBuffer();
        } catch (IOException e) {
            throw broken(e);
        }
    }

    private void flushBuffer() throws IOException {
        flusherOwes = false;
        if (size > 0) {
            drain();
            out.flush();
        }
    }

    private IOException broken(IOException e) {
        IOException why = replies.broken();
        if (why != null) return why;   // the reader saw the end first: its reason is the better one
        why = closed ? new IOException("connection closed") : new IOException("connection lost: " + e.getMessage(), e);
        replies.fail(why);
        return why;
    }

    private void wakeFlusher() {
        if (flusher == null) {
            flusher = new Thread(this::flushLoop, "hotsm-client-flush-" + name);
            flusher.setDaemon(true);
            flusher.start();
        }
        LockSupport.unpark(flusher);
    }

    private void flushLoop() {
        while (!closed) {
            LockSupport.park(this);
            synchronized (this) {
                if (!flusherOwes || closed) continue;
                try {
                    flushBuffer();
                } catch (IOException e) {
                    broken(e);   // every waiting request fails with the reason
                }
            }
        }
    }

    /** Stops the flusher thread; not under the write lock (a blocked writer must not keep the socket open). */
    void close() {
        closed = true;
        Thread t = flusher;
        if (t != null) LockSupport.unpark(t);
    }
}
