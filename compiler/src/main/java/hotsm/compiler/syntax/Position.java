package hotsm.compiler.syntax;

/** Where a node starts in its source file: 1-based line and column. */
public record Position(String file, int line, int column) implements hotsm.compiler.diag.Location {
    @Override public String toString() { return file + ":" + line + ":" + column; }
}
