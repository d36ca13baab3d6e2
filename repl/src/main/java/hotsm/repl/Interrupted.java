package hotsm.repl;

/**
 * Ctrl-C stopped the line being handled (an evaluation, a step, a load): the
 * session is as it was before the line, as in ghci. Not an error of the line.
 */
final class Interrupted extends RuntimeException {
    /** What the prompt prints. */
    static final String MESSAGE = "Interrupted.";

    Interrupted(String message) { super(message, null, false, false); }

    Interrupted() { this(MESSAGE); }

    /** Throws if the thread handling the line has been interrupted (Ctrl-C); a point where nothing is half done. */
    static void check() {
        if (Thread.currentThread().isInterrupted()) throw new Interrupted();
    }
}
