package hotsm.vm.node;

import java.time.Clock;
import java.util.Objects;

/**
 * How a node runs.
 *
 * @param fuel     the step limit: CAM instructions one step, adapter or migration may run
 * @param log      where commands are recorded before they are applied
 * @param listener told what happened, in order (tracing)
 * @param clock    for the version history's times
 * @param limits   the node's budgets for values, history and artifacts
 */
public record NodeOptions(long fuel, CommandLog log, NodeListener listener, Clock clock, NodeLimits limits) {

    /** Enough for any reasonable step; a runaway one is stopped and refused. */
    public static final long DEFAULT_FUEL = 50_000_000L;

    public NodeOptions {
        if (fuel <= 0) throw new IllegalArgumentException("fuel must be positive");
        Objects.requireNonNull(log);
        Objects.requireNonNull(listener);
        Objects.requireNonNull(clock);
        Objects.requireNonNull(limits);
    }

    /** With the default {@link NodeLimits}. */
    public NodeOptions(long fuel, CommandLog log, NodeListener listener, Clock clock) {
        this(fuel, log, listener, clock, NodeLimits.defaults());
    }

    public static NodeOptions defaults() {
        return new NodeOptions(DEFAULT_FUEL, CommandLog.NONE, NodeListener.NONE, Clock.systemUTC());
    }

    public NodeOptions withListener(NodeListener l) { return new NodeOptions(fuel, log, l, clock, limits); }

    public NodeOptions withLog(CommandLog l) { return new NodeOptions(fuel, l, listener, clock, limits); }

    public NodeOptions withFuel(long f) { return new NodeOptions(f, log, listener, clock, limits); }

    public NodeOptions withLimits(NodeLimits l) { return new NodeOptions(fuel, log, listener, clock, l); }
}
