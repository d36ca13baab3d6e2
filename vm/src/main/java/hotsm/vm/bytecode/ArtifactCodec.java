package hotsm.vm.bytecode;

/**
 * The binary {@code .cam} format (docs/bytecode.md): big-endian, magic
 * {@code HSMC}, a u16 format version, then the name, the three types, the
 * initial state, the step code and the upgrade and downgrade sections.
 * Decoding enforces hard limits so a hostile file can't exhaust memory or stack.
 */
public final class ArtifactCodec {
    private ArtifactCodec() {}

    static final byte[] MAGIC = {'H', 'S', 'M', 'C'};
    /** The format version this VM writes and reads. */
    public static final int VERSION = 2;
    /** Larger files are refused before reading anything. */
    public static final int MAX_FILE_BYTES = 16 * 1024 * 1024;
    /** Deepest nesting of a shape or a value (read without recursion). */
    public static final int MAX_DEPTH = 2_000;
    /** Deepest nesting of a declared type (tuples and constructor fields). */
    public static final int MAX_TYPE_DEPTH = 200;
    /** Deepest nesting of code blocks (CASE branches and FOLD bodies inside each other). */
    public static final int MAX_BLOCK_DEPTH = 256;
    /** Longest string (name or literal), in UTF-8 bytes. */
    public static final int MAX_STRING_BYTES = 1024 * 1024;

    /**
     * The bytes of an artifact file, reading at most one byte past
     * {@link #MAX_FILE_BYTES}: a larger file is refused without reading on (a
     * device such as {@code /dev/zero} has no size to check first).
     *
     * @throws ArtifactFormatException if the file is over the limit
     */
    public static byte[] readFile(java.nio.file.Path file) throws java.io.IOException {
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_FILE_BYTES + 1);
            if (bytes.length > MAX_FILE_BYTES) {
                throw new ArtifactFormatException(0, "header", "file of more than " + MAX_FILE_BYTES
                        + " bytes is larger than the limit of " + MAX_FILE_BYTES);
            }
            return bytes;
        }
    }

    /**
     * Whether a command line should read {@code file} as an artifact rather than as
     * {@code .sm} source: by its extension ({@code .cam} or {@code .sm}), else by its
     * first bytes (the magic {@code HSMC}). An unreadable file counts as not an artifact.
     */
    public static boolean isArtifactFile(java.nio.file.Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        if (name.endsWith(".cam")) return true;
        if (name.endsWith(".sm")) return false;
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
            return java.util.Arrays.equals(in.readNBytes(MAGIC.length), MAGIC);
        } catch (java.io.IOException | RuntimeException e) {
            return false;
        }
    }

    static final int TYPE_UNIT = 0, TYPE_INT = 1, TYPE_STRING = 2, TYPE_TUPLE = 3, TYPE_DATA = 4, TYPE_LIST = 5, TYPE_MAP = 6;
    static final int SHAPE_UNIT = 0, SHAPE_INT = 1, SHAPE_STRING = 2, SHAPE_PAIR = 3, SHAPE_SUM = 4, SHAPE_LIST = 5, SHAPE_MAP = 6;
    static final int VALUE_UNIT = 0, VALUE_INT = 1, VALUE_STRING = 2, VALUE_PAIR = 3, VALUE_INL = 4, VALUE_INR = 5,
            VALUE_LIST = 6, VALUE_MAP = 7;

    /**
     * The canonical encoding of an artifact. What it writes, {@link #decode} reads back.
     *
     * @throws IllegalArgumentException if the artifact is over one of the format's limits
     *         (size, string length, counts, nesting), so its file could not be read
     */
    public static byte[] encode(Artifact artifact) {
        ArtifactEncoder e = new ArtifactEncoder();
        try {
            e.artifact(artifact);
        } catch (IllegalArgumentException x) {
            throw new IllegalArgumentException("artifact " + artifact.name() + " is over a limit of the .cam format: "
                    + x.getMessage(), x);
        }
        byte[] bytes = e.out.toByteArray();
        try {
            new ArtifactDecoder(bytes).artifact();
        } catch (ArtifactFormatException x) {
            throw new IllegalArgumentException("artifact " + artifact.name() + " is over a limit of the .cam format: " + x.getMessage(), x);
        }
        return bytes;
    }

    /**
     * Reads an artifact. Checks well-formedness only; {@code hotsm.vm.verify.Verifier}
     * checks that its code is type-correct.
     *
     * @throws ArtifactFormatException naming the offset and section of the first problem
     */
    public static Artifact decode(byte[] bytes) {
        return new ArtifactDecoder(bytes).artifact();
    }
}
