package hotsm.vm.bytecode;

/**
 * Bytes that are not a well-formed artifact: truncated, oversized, bad magic or
 * version, unknown tag or opcode, over a limit, trailing bytes. The message
 * names the byte offset and the section: {@code offset 57 (step code): unknown opcode 0x2a}.
 */
public final class ArtifactFormatException extends RuntimeException {
    private final long offset;
    private final String section;
    private final String problem;

    public ArtifactFormatException(long offset, String section, String problem) {
        // A damaged file's names may hold any bytes: the message stays one printable line.
        this(offset, section, hotsm.vm.value.ValuePrinter.escapeControls(problem), true);
    }

    private ArtifactFormatException(long offset, String section, String problem, boolean escaped) {
        super("offset " + offset + " (" + section + "): " + problem);
        this.offset = offset;
        this.section = section;
        this.problem = problem;
    }

    /** The byte offset in the file where the problem was found. */
    public long offset() { return offset; }

    /** The section being read: {@code header}, {@code name}, {@code types}, {@code step code}, {@code upgrade #1 migration}, ... */
    public String section() { return section; }

    /** What is wrong, without the position. */
    public String problem() { return problem; }
}
