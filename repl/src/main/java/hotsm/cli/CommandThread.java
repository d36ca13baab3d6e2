package hotsm.cli;

import java.io.PrintWriter;
import java.util.function.IntSupplier;

/**
 * How {@code smc} and {@code sm} run a command line: on a thread of its own
 * with a large stack, because the front end recurses over the nesting of the
 * program it reads, and every command that compiles ({@code smc *},
 * {@code sm node|upgrade|repl}) must accept the same programs.
 */
final class CommandThread {
    /** Enough for the deepest program the parser accepts. */
    private static final long STACK_BYTES = 512L << 20;

    private CommandThread() {}

    /** Runs {@code command} on a large-stack thread named {@code name}; returns its exit status. */
    static int run(String name, IntSupplier command) {
        int[] status = {ExitStatus.INTERNAL_ERROR};
        Thread thread = new Thread(null, () -> status[0] = command.getAsInt(), name, STACK_BYTES);
        thread.start();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return status[0];
    }

    /**
     * Reports a failure no command expected as one line, {@code tool: internal
     * error: Type: first line of the message}, with the stack trace only under
     * {@code --debug}; returns the internal-failure exit status.
     */
    static int internalFailure(String tool, Throwable e, boolean debug, PrintWriter err) {
        String message = e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse("");
        err.println(tool + ": internal error: " + e.getClass().getSimpleName() + message);
        if (debug) e.printStackTrace(err);
        err.flush();
        return ExitStatus.INTERNAL_ERROR;
    }
}
