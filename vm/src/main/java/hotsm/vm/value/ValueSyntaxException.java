package hotsm.vm.value;

/** A value written in source syntax could not be read: what was expected, and at which 0-based column. */
public final class ValueSyntaxException extends RuntimeException {
    private final int column;

    public ValueSyntaxException(int column, String message) {
        super(message);
        this.column = column;
    }

    /** 0-based column in the parsed text. */
    public int column() { return column; }
}
