package hotsm.vm.journal;

/**
 * When the journal forces records to disk, and so when a reply may be sent
 * (docs/durability.md compares them).
 *
 * <ul>
 *   <li>{@link Mode#ALWAYS} (the default): a reply is sent only after its
 *       record is forced ({@code fsync}); an acknowledged change survives a
 *       crash of the process, of the operating system and a power cut. Group
 *       commit makes it affordable: every record that arrives while a force is
 *       running shares the next one.</li>
 *   <li>{@link Mode#BATCH}: a reply is sent once its record is written to the
 *       operating system; the journal is forced at most every {@code millis}
 *       milliseconds. Survives the process being killed; an operating-system
 *       crash or power cut loses up to that many milliseconds of
 *       acknowledged changes.</li>
 *   <li>{@link Mode#NEVER}: as batch, but the node never forces records (only
 *       snapshots); the operating system writes them back when it likes
 *       (typically within 30 s on Linux). For tests and data that can be
 *       rebuilt.</li>
 * </ul>
 *
 * @param millis the batch interval (0 unless {@code mode} is BATCH)
 */
public record Fsync(Mode mode, long millis) {

    public enum Mode { ALWAYS, BATCH, NEVER }

    public static final Fsync ALWAYS = new Fsync(Mode.ALWAYS, 0);
    public static final Fsync NEVER = new Fsync(Mode.NEVER, 0);

    public Fsync {
        if (mode == Mode.BATCH ? millis <= 0 : millis != 0) {
            throw new IllegalArgumentException("batch takes a positive interval in milliseconds; the others none");
        }
    }

    public static Fsync batch(long millis) {
        return new Fsync(Mode.BATCH, millis);
    }

    /**
     * {@code always}, {@code never} or {@code batch MS}, as {@code sm node --fsync} takes them.
     *
     * @throws IllegalArgumentException with a message for the user
     */
    public static Fsync parse(java.util.List<String> words) {
        String usage = "--fsync takes `always`, `batch MS` (a positive number of milliseconds) or `never`";
        if (words.size() == 1 && words.get(0).equals("always")) return ALWAYS;
        if (words.size() == 1 && words.get(0).equals("never")) return NEVER;
        if (words.size() == 2 && words.get(0).equals("batch")) {
            try {
                long ms = Long.parseLong(words.get(1));
                if (ms > 0) return batch(ms);
            } catch (NumberFormatException e) {
                // falls through to the usage message
            }
        }
        throw new IllegalArgumentException(usage + ", got `" + String.join(" ", words) + "`");
    }

    @Override public String toString() {
        return mode == Mode.BATCH ? "batch " + millis : mode.name().toLowerCase(java.util.Locale.ROOT);
    }
}
