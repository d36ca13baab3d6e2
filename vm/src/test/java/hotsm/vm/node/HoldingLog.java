package hotsm.vm.node;

import java.util.concurrent.CountDownLatch;
import java.util.function.Predicate;

/**
 * A {@link CommandLog} that holds the machine thread at the first command it
 * is told to watch for, until the test releases it: what happens meanwhile
 * (queued requests, a stop, upgrades prepared elsewhere) happens while the
 * machine is provably busy. Shared by the node, protocol and {@code sm node}
 * tests that need a machine thread held still.
 */
public final class HoldingLog implements CommandLog {
    private final Predicate<Command> watched;
    private final CountDownLatch held = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    private HoldingLog(Predicate<Command> watched) { this.watched = watched; }

    /** Holds the machine thread at the first command logged, whatever it is. */
    public static HoldingLog atFirstCommand() { return new HoldingLog(c -> true); }

    /** Holds the machine thread at the first {@link Command.Step}. */
    public static HoldingLog atFirstStep() { return new HoldingLog(c -> c instanceof Command.Step); }

    /** Holds the machine thread at the first {@link Command.ReadState}. */
    public static HoldingLog atFirstReadState() { return new HoldingLog(c -> c instanceof Command.ReadState); }

    @Override public void append(Command command) {
        if (held.getCount() > 0 && watched.test(command)) {
            held.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Waits until the machine thread is held. */
    public void awaitHeld() throws InterruptedException { held.await(); }

    /** Holds the machine thread now, with a state read (for a log made by {@link #atFirstReadState}). */
    public void hold(Node node) throws InterruptedException {
        node.state();
        awaitHeld();
    }

    /** Lets the machine thread go on. */
    public void release() { release.countDown(); }
}
