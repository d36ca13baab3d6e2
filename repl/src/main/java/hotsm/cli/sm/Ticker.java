package hotsm.cli.sm;

import hotsm.cli.CliError;
import hotsm.vm.bytecode.Identity;
import hotsm.vm.node.Node;
import hotsm.vm.node.NodeInfo;
import hotsm.vm.value.Value;
import hotsm.vm.value.ValueParser;
import hotsm.vm.value.ValueSyntaxException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code sm node --tick MS VALUE}: send VALUE to the node every MS
 * milliseconds, as an ordinary input (journaled like any other), so a machine
 * can keep time without an outside client. VALUE is read against the running
 * version's input type and sent as that version, so the node adapts it after
 * an upgrade. One tick at a time: the next waits for the last one's reply.
 */
final class Ticker implements AutoCloseable {
    private final Node node;
    private final long millis;
    private final Value value;
    private final Identity speaking;
    private ScheduledExecutorService timer;

    private Ticker(Node node, long millis, Value value, Identity speaking) {
        this.node = node;
        this.millis = millis;
        this.value = value;
        this.speaking = speaking;
    }

    /** Read VALUE now (a mistake is an error before the node serves); {@link #start} ticks. */
    static Ticker plan(Node node, long millis, String text) {
        if (millis <= 0) throw CliError.usage("--tick MS must be positive, got " + millis);
        NodeInfo info = node.info().join();
        Value value;
        try {
            value = ValueParser.parse(info.input(), text);
        } catch (ValueSyntaxException e) {
            throw CliError.user("--tick: " + e.getMessage());
        }
        return new Ticker(node, millis, value, info.identity());
    }

    void start() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "hotsm-tick");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(() -> {
            // A refused tick is traced like any refused input; the next one still comes.
            node.step(value, speaking).exceptionally(e -> null).join();
        }, millis, millis, TimeUnit.MILLISECONDS);
    }

    @Override public void close() {
        if (timer != null) timer.shutdownNow();
    }
}
