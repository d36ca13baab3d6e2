package hotsm.vm.protocol;

import hotsm.vm.bytecode.Identity;
import hotsm.vm.node.Refusal;
import hotsm.vm.node.StepResult;
import hotsm.vm.value.Value;
import java.io.IOException;

/**
 * One thread's pipeline of steps over a {@link NodeClient}
 * ({@link NodeClient#steps}): {@link #send} inputs without waiting, and
 * {@link #receive} their outputs, in the order sent. This is the cheapest way
 * to run many steps over one connection ({@code sm send} uses it): requests
 * are encoded into the client's buffer and written in batches, when the
 * buffer fills or when {@link #receive} (or {@link #flush}) finds an output
 * that has not arrived, so a lone step is never held back by the caller
 * waiting for it; replies are read by the receiving thread itself, many per
 * read, with no reader thread between it and the socket; no future is made
 * per step.
 *
 * <p>At most {@code window} steps (and {@value #WINDOW_BYTES} bytes of
 * requests, or one request if it is larger) are unanswered at a time: a
 * {@link #send} beyond that first reads replies (keeping the outputs for
 * {@link #receive}). The node's own limit per connection is
 * {@link Wire#MAX_IN_FLIGHT}; the byte bound keeps what this thread has
 * written and the node has not read within the sockets' buffers, so the thread
 * cannot block writing while the replies it should be reading fill the
 * connection the other way. Not thread-safe; other threads may use the
 * same client meanwhile.
 */
public final class StepStream {
    /** The steps in flight by default: as many as a node reads ahead for a connection, halved. */
    public static final int DEFAULT_WINDOW = Wire.MAX_IN_FLIGHT / 2;
    /** Bytes of requests unanswered at most (besides a single larger request). */
    public static final int WINDOW_BYTES = 1 << 16;

    private final NodeClient client;
    private final RequestWriter writer;
    private final Replies replies;
    private final Identity speaking;
    private final int window;
    /** Sent steps not yet received, oldest at {@code head}; indices only grow (and wrap), taken modulo the length. */
    private ReplySlot[] slots = new ReplySlot[64];
    private int head;
    private int tail;
    /** The first sent step whose reply may not have arrived: those before it have theirs. */
    private int unanswered;
    private long unansweredBytes;
    /** The last input sent and the size of its step on the wire. */
    private Value lastInput;
    private int lastBytes;

    StepStream(NodeClient client, RequestWriter writer, Replies replies, Identity speaking, int window) {
        if (window < 1 || window > Wire.MAX_IN_FLIGHT) {
            throw new IllegalArgumentException("a window of " + window + " steps; it must be 1 to "
                    + Wire.MAX_IN_FLIGHT);
        }
        this.client = client;
        this.writer = writer;
        this.replies = replies;
        this.speaking = speaking;
        this.window = window;
    }

    /** The interface the steps are read against. */
    public Identity speaking() { return speaking; }

    /**
     * Sends one input; its output is the next {@link #receive} after those of
     * the inputs sent before it.
     *
     * @throws IOException if the connection is over, or replies that had to be read first did not come in time
     */
    public void send(Value input) throws IOException {
        if (input != lastInput) {   // the same object: its size is known (a record's equals would cost more)
            lastBytes = writer.stepBytes(input);
            lastInput = input;
        }
        int bytes = lastBytes;
        advance();
        while (tail - unanswered > 0 && (tail - unanswered >= window || unansweredBytes + bytes > WINDOW_BYTES)) {
            writer.flush();
            replies.await(slot(unanswered));
            advance();
        }
        ReplySlot s = writer.step(speaking, input, RequestWriter.Flush.BY_CALLER, null);
        if (tail - head == slots.length) grow();
        slots[tail++ & (slots.length - 1)] = s;
        unansweredBytes += s.bytes;
    }

    /**
     * The output of the oldest input sent and not yet received, waiting for
     * it (within the client's reply timeout) if it has not come.
     *
     * @throws Refusal if the node refused that input (the stream goes on)
     * @throws IOException if the connection failed or the reply did not come in time
     * @throws IllegalStateException if every input sent has been received
     */
    public StepResult receive() throws IOException {
        if (head == tail) throw new IllegalStateException("every step sent has been received");
        ReplySlot s = slot(head);
        if (!s.done) writer.flush();
        Frame f = replies.await(s);
        advance();
        slots[head++ & (slots.length - 1)] = null;
        return NodeClient.output(f);
    }

    /** Inputs sent whose outputs have not been received. */
    public int waiting() { return tail - head; }

    /** Writes out the steps sent so far, for a caller that will not {@link #receive} at once. */
    public void flush() throws IOException { writer.flush(); }

    /** The client the steps go through. */
    public NodeClient client() { return client; }

    private ReplySlot slot(int index) { return slots[index & (slots.length - 1)]; }

    private void advance() {
        while (tail - unanswered > 0 && slot(unanswered).done) {
            unansweredBytes -= slot(unanswered).bytes;
            unanswered++;
        }
    }

    private void grow() {
        ReplySlot[] bigger = new ReplySlot[slots.length * 2];
        for (int i = head; i != tail; i++) bigger[i & (bigger.length - 1)] = slots[i & (slots.length - 1)];
        slots = bigger;
    }
}
