package hotsm.vm.protocol;

import java.util.ArrayList;
import java.util.List;

/**
 * The requests of one connection waiting for replies, in the order they were
 * sent. Ids are consecutive in that order, so the slot of a reply's id is
 * found by subtraction, without a map; replies come back in order (the node
 * answers one connection's requests in the order it got them, except
 * {@code PING} and the refusals it gives without the machine's queue), so
 * the reply is almost always the oldest. A slot answered out of order stays
 * until those before it are answered. Not thread-safe: {@link Replies} guards it.
 */
final class ReplyRing {
    private ReplySlot[] slots = new ReplySlot[64];
    private int head;
    private int count;
    private int lastId;

    /** Appends the slot of the next request; its id must follow the last one's. */
    void add(ReplySlot s) {
        if (count > 0 && s.id != lastId + 1) {
            throw new IllegalStateException("request " + s.id + " out of order");
        }
        if (count == slots.length) grow();
        slots[(head + count) & (slots.length - 1)] = s;
        count++;
        lastId = s.id;
    }

    /** The waiting slot with this id, taken out of the ring; null if no request with that id waits. */
    ReplySlot take(int id) {
        if (count == 0) return null;
        int offset = id - slots[head].id;   // ids wrap around as u32: the difference still counts requests
        if (offset < 0 || offset >= count) return null;
        int at = (head + offset) & (slots.length - 1);
        ReplySlot s = slots[at];
        if (s == null) return null;   // answered already (a second reply with that id)
        slots[at] = null;
        while (count > 0 && slots[head] == null) {
            head = (head + 1) & (slots.length - 1);
            count--;
        }
        return s;
    }

    /** Every waiting slot, oldest first, taken out of the ring. */
    List<ReplySlot> takeAll() {
        List<ReplySlot> all = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int at = (head + i) & (slots.length - 1);
            if (slots[at] != null) all.add(slots[at]);
            slots[at] = null;
        }
        head = 0;
        count = 0;
        return all;
    }

    boolean isEmpty() { return count == 0; }

    private void grow() {
        ReplySlot[] bigger = new ReplySlot[slots.length * 2];
        for (int i = 0; i < count; i++) bigger[i] = slots[(head + i) & (slots.length - 1)];
        slots = bigger;
        head = 0;
    }
}
