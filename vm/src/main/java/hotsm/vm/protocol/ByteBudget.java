package hotsm.vm.protocol;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Bytes that many connections share ({@link ServerLimits#maxBuffered()}):
 * each reserves what it holds as it comes to hold it and releases it when
 * done, so the node's buffers never exceed the budget whatever clients do.
 */
final class ByteBudget {
    private final long limit;
    private final AtomicLong used = new AtomicLong();

    ByteBudget(long limit) {
        this.limit = limit;
    }

    /** @return whether {@code n} more bytes fit (and are now reserved) */
    boolean reserve(long n) {
        if (n <= 0) return true;
        while (true) {
            long now = used.get();
            if (now + n > limit) return false;
            if (used.compareAndSet(now, now + n)) return true;
        }
    }

    void release(long n) {
        if (n > 0) used.addAndGet(-n);
    }

    long used() { return used.get(); }

    long limit() { return limit; }
}
