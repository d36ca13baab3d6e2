package hotsm.cli.sm;

import hotsm.vm.node.StepTrace;
import java.io.PrintWriter;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * {@code sm node --trace}: the {@link StepTrace} lines (for each input
 * {@code Output: <value>} and {@code New state: <value>}, for upgrades and
 * downgrades the node's answer and, when it changed, the version pair), each
 * line flushed as it happens. The machine thread only
 * queues the lines (values are printed on the printer thread); the queue is
 * bounded ({@code --trace-queue}), and when a reader is too slow to drain
 * standard output, lines are dropped and counted ({@code … N lines dropped}),
 * so the trace never blocks the machine nor fills the heap.
 */
final class TracePrinter implements StepTrace, AutoCloseable {
    /** Lines the queue holds by default. */
    static final int DEFAULT_QUEUE = 10_000;

    private static final Supplier<String> END = () -> "end of trace";

    private final PrintWriter out;
    private final ArrayBlockingQueue<Supplier<String>> lines;
    private final AtomicLong dropped = new AtomicLong();
    private final Thread printer;

    TracePrinter(PrintWriter out) {
        this(out, DEFAULT_QUEUE);
    }

    TracePrinter(PrintWriter out, int capacity) {
        this.out = out;
        this.lines = new ArrayBlockingQueue<>(capacity);
        this.printer = new Thread(this::print, "hotsm-trace");
        printer.setDaemon(true);
        printer.start();
    }

    /** Queues the line, or counts it as dropped when the queue is full. */
    @Override public void line(Supplier<String> line) {
        if (!lines.offer(line)) dropped.incrementAndGet();
    }

    /** Lines dropped so far and not yet reported. */
    long dropped() { return dropped.get(); }

    private void print() {
        while (true) {
            Supplier<String> line;
            try {
                line = lines.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                continue;
            }
            String text;
            try {
                text = line == null || line == END ? null : line.get();
            } catch (Throwable e) {   // OutOfMemoryError included: this line is lost, the trace goes on
                text = "(a trace line could not be printed: " + e + ")";
            }
            synchronized (out) {
                if (text != null) out.println(text);
                long lost = dropped.getAndSet(0);   // lines dropped while this one waited
                if (lost > 0) out.println("… " + lost + (lost == 1 ? " line" : " lines") + " dropped");
                if (lines.isEmpty()) out.flush();
            }
            if (line == END) return;
        }
    }

    /** Print what is queued, then stop. */
    @Override public void close() {
        while (!lines.offer(END)) {   // a full queue loses its oldest line (counted) rather than the end
            if (lines.poll() != null) dropped.incrementAndGet();
        }
        try {
            printer.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (out) {
            out.flush();
        }
    }
}
