package hotsm.vm.node;

/**
 * Where a node records each command, on the machine thread, in the order it
 * applies them, just before applying it (a write-ahead seam for journaling and
 * replication). A log that throws stops that command: it is answered with the
 * failure and not applied.
 */
@FunctionalInterface
public interface CommandLog {

    void append(Command command);

    /** Records nothing. */
    CommandLog NONE = command -> { };
}
