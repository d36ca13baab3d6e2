package hotsm.cli.sm;

import hotsm.vm.node.NodeListener;
import hotsm.vm.node.VersionChange;
import hotsm.vm.types.TypeDesc;
import hotsm.vm.value.Value;
import hotsm.vm.value.ValuePrinter;
import java.io.PrintWriter;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * {@code sm node --trace}: for each input {@code Output: <value>} and
 * {@code New state: <value>} (LANGUAGE.md §10), for upgrades and downgrades
 * the node's answer and, when it changed, the version pair
 * ({@code Counter1.counter dd23c603 -> Counter2.counter 0c0749b2}), each line
 * flushed as it happens. The machine thread only
 * queues the lines; a printer thread writes them, in order, so a reader that
 * is slow to drain standard output never stalls the node.
 */
final class TracePrinter implements NodeListener, AutoCloseable {
    private static final String END = new String("end of trace");

    private final PrintWriter out;
    private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final Thread printer;

    TracePrinter(PrintWriter out) {
        this.out = out;
        this.printer = new Thread(this::print, "hotsm-trace");
        printer.setDaemon(true);
        printer.start();
    }

    @Override public void stepped(TypeDesc outputType, Value output, TypeDesc stateType, Value newState) {
        lines.add("Output: " + ValuePrinter.print(outputType, output));
        lines.add("New state: " + ValuePrinter.print(stateType, newState));
    }

    @Override public void stepFailed(String reason) {
        lines.add("Error: " + reason);
    }

    /** {@code Upgrade successful!}, then the version pair, as {@code sm upgrade} prints them. */
    @Override public void changed(VersionChange change) {
        lines.add(change.message());
        lines.add(change.describe());
    }

    @Override public void changeRefused(VersionChange.Kind kind, String reason) {
        lines.add(reason);
    }

    private void print() {
        while (true) {
            String line;
            try {
                line = lines.take();
            } catch (InterruptedException e) {
                continue;
            }
            if (line == END) return;
            synchronized (out) {
                out.println(line);
                if (lines.isEmpty()) out.flush();
            }
        }
    }

    /** Print what is queued, then stop. */
    @Override public void close() {
        lines.add(END);
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
