package hotsm.compiler.diag;

/**
 * A place in a source file a diagnostic can point at: 1-based line and
 * column. The syntax tree's {@code Position} is one; keeping this interface
 * here lets {@code diag} depend on no phase, so every phase can report.
 */
public interface Location {
    String file();

    int line();

    int column();
}
