package hotsm.vm.node;

import java.time.Instant;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Where a node reports what went wrong on one of its threads (a request
 * that ran out of memory, a reply that could not be encoded, a connection
 * dropped for a budget): one line each, on standard error unless redirected.
 * Nothing is ever dropped silently; the node keeps serving.
 */
public final class EventLog {
    private EventLog() {}

    private static volatile Consumer<String> sink = line -> {
        System.err.println(line);
        System.err.flush();
    };

    /** Log {@code what}, with the throwable that caused it if any. */
    public static void log(String what, Throwable cause) {
        String line = Instant.now() + " hotsm node: " + what
                + (cause == null ? "" : ": " + cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")"));
        try {
            sink.accept(line);
        } catch (RuntimeException | Error ignored) {
            // a broken log must not break the thread that logs
        }
    }

    public static void log(String what) {
        log(what, null);
    }

    /** Send the lines elsewhere (tests); returns the previous sink. */
    public static Consumer<String> redirect(Consumer<String> to) {
        Consumer<String> was = sink;
        sink = Objects.requireNonNull(to);
        return was;
    }
}
