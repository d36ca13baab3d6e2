package hotsm.vm.journal;

/**
 * The journal or a snapshot cannot be read or written: the message names the
 * file and the byte offset where that makes sense, and what to do.
 */
public final class JournalException extends RuntimeException {
    public JournalException(String message) {
        super(message);
    }

    public JournalException(String message, Throwable cause) {
        super(message, cause);
    }
}
