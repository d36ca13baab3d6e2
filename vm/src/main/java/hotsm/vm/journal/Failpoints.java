package hotsm.vm.journal;

import java.io.IOException;

/**
 * A test-only hook at the moments a crash or a disk error matters. Production
 * nodes use {@link #NONE}, or {@link #fromSystemProperty()}: with
 * {@code -Dhotsm.failpoint=POINT[:KIND]} (POINT one of {@code before-write},
 * {@code after-write}, {@code after-swap}; KIND {@code step}, {@code upgrade}
 * or {@code downgrade}, default any) the process halts, like {@code kill -9},
 * the first time it reaches that point for a record of that kind; with
 * {@code -Dhotsm.failpoint=write:N} or {@code force:N} the N-th write or force
 * of the journal fails with an {@code IOException}.
 */
@FunctionalInterface
public interface Failpoints {

    /** Where. */
    enum Point {
        /** Machine thread: the command is computed, its record not yet handed to the journal. */
        BEFORE_WRITE,
        /** Writer thread: the record is written (and forced, as {@link Fsync} says); its reply is not yet sent. */
        AFTER_WRITE,
        /** Machine thread: the new state is committed in memory; the record may not be on disk yet. */
        AFTER_SWAP,
        /** Writer thread, just before bytes are written to a segment (kind 0): inject a write error. */
        WRITE,
        /** Writer thread, just before a force (kind 0): inject an fsync error. */
        FORCE
    }

    /**
     * @param kind the record's kind ({@link CommandCodec#STEP} ...), 0 for WRITE and FORCE
     * @throws IOException to simulate a disk error (WRITE, FORCE)
     */
    void reached(Point point, int kind) throws IOException;

    Failpoints NONE = (point, kind) -> { };

    /** The exit status of a process halted by a failpoint. */
    int HALT_STATUS = 86;

    /** {@link #NONE}, unless the system property {@code hotsm.failpoint} names a point to halt at. */
    static Failpoints fromSystemProperty() {
        String spec = System.getProperty("hotsm.failpoint");
        if (spec == null || spec.isBlank()) return NONE;
        String[] parts = spec.split(":", 2);
        Point at = Point.valueOf(parts[0].trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        if (at == Point.WRITE || at == Point.FORCE) {
            long nth = parts.length < 2 ? 1 : Long.parseLong(parts[1].trim());
            java.util.concurrent.atomic.AtomicLong seen = new java.util.concurrent.atomic.AtomicLong();
            return (point, k) -> {
                if (point == at && seen.incrementAndGet() == nth) {
                    throw new IOException("Input/output error (injected by hotsm.failpoint=" + spec + ")");
                }
            };
        }
        int kind = parts.length < 2 ? 0 : switch (parts[1].trim()) {
            case "step" -> CommandCodec.STEP;
            case "upgrade" -> CommandCodec.UPGRADE;
            case "downgrade" -> CommandCodec.DOWNGRADE;
            default -> throw new IllegalArgumentException("hotsm.failpoint: unknown record kind " + parts[1]);
        };
        return (point, k) -> {
            if (point == at && (kind == 0 || kind == k)) {
                System.err.println("failpoint " + spec + " reached: halting");
                System.err.flush();
                Runtime.getRuntime().halt(HALT_STATUS);
            }
        };
    }
}
