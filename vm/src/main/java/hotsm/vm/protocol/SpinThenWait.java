package hotsm.vm.protocol;

import io.netty.channel.SelectStrategy;
import io.netty.util.IntSupplier;

/**
 * An event loop's choice before each turn: poll without blocking while work came within the last
 * {@code spinNanos}, then block. A client that sends its next request within that window finds the
 * loop awake (no wake-up to wait for); an idle loop blocks as usual.
 */
final class SpinThenWait implements SelectStrategy {
    private final long spinNanos;
    private long lastWork = System.nanoTime();

    SpinThenWait(long spinNanos) {
        this.spinNanos = spinNanos;
    }

    @Override
    public int calculateStrategy(IntSupplier selectNow, boolean hasTasks) throws Exception {
        long now = System.nanoTime();
        if (hasTasks) {
            lastWork = now;
            return selectNow.get();
        }
        int ready = selectNow.get();
        if (ready > 0) {
            lastWork = now;
            return ready;
        }
        return now - lastWork < spinNanos ? ready : SelectStrategy.SELECT;
    }
}
