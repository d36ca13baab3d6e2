package hotsm.repl;

/**
 * Runs each line of an interactive session on a worker thread so that Ctrl-C
 * ({@link #interrupt()}, from the terminal's INT handler) can stop it and
 * return to the prompt with the session intact, as ghci does. The worker is
 * interrupted; evaluation checks for that as it spends its fuel
 * ({@link EvaluationBudget}), waiting for a machine's answer stops, and the
 * session changes nothing after it ({@link Interrupted#check()}), so the line
 * ends with {@code Interrupted.}. A worker that does not stop within
 * {@link #GRACE_MILLIS} (a node that does not answer, a phase that does not
 * check) is given up: it may print nothing more, the prompt comes back at
 * once, and the worker is stopped ({@link #stop}).
 */
final class LineRunner {
    /** How long an interrupted line may take to stop by itself. */
    static final long GRACE_MILLIS = 2000;
    /** As the command thread's: the front end recurses over the nesting of what it reads. */
    private static final long STACK_BYTES = 512L << 20;

    private final ReplSession session;
    private final long graceMillis;
    private volatile Worker current;

    LineRunner(ReplSession session) { this(session, GRACE_MILLIS); }

    /** @param graceMillis how long an interrupted line may take to stop (tests shorten it) */
    LineRunner(ReplSession session, long graceMillis) {
        this.session = session;
        this.graceMillis = graceMillis;
    }

    /** A thread that handles one line, and whether it was given up on. */
    static final class Worker extends Thread {
        private volatile boolean abandoned;
        private volatile long interruptedAt;   // System.nanoTime() of Ctrl-C, 0 before

        Worker(Runnable line) {
            super(null, line, "sm-repl-line", STACK_BYTES);
            setDaemon(true);
        }

        boolean abandoned() { return abandoned; }
    }

    /** Handles {@code line} on a worker; returns when it is done, or given up after Ctrl-C. */
    void handle(String line) {
        Worker worker = new Worker(() -> session.handle(line));
        current = worker;
        worker.start();
        while (worker.isAlive()) {
            try {
                worker.join(50);
            } catch (InterruptedException e) {
                interrupt();
            }
            long at = worker.interruptedAt;
            if (at != 0 && worker.isAlive() && System.nanoTime() - at > graceMillis * 1_000_000) {
                worker.abandoned = true;
                session.abandon();
                stop(worker);
                break;
            }
        }
        current = null;
    }

    /**
     * Ends a given-up worker that does not check for Ctrl-C (the desugarer
     * expanding an exponentially large term, say), so it does not burn a core
     * for minutes: it only computes, and what it would print or change is
     * discarded anyway. Java 17 still has {@code Thread.stop}; where it is
     * unsupported, the worker runs to its end and prints nothing.
     */
    @SuppressWarnings({"deprecation", "removal"})
    private static void stop(Worker worker) {
        try {
            worker.stop();
        } catch (UnsupportedOperationException | SecurityException e) {
            // later JDKs: let it finish on its own
        }
    }

    /** Whether a line is being handled (what Ctrl-C would stop). */
    boolean busy() { return current != null; }

    /** Ctrl-C: stops the line being handled, if any. */
    void interrupt() {
        Worker w = current;
        if (w == null) return;
        if (w.interruptedAt == 0) w.interruptedAt = System.nanoTime();
        w.interrupt();
    }
}
