package hotsm.compiler.types;

/**
 * One method per case of {@link Typed.Cmd} (a typed command), so that every pass over it
 * is checked for exhaustiveness by the compiler when a case is added
 * ({@code VisitorsCoverTheTreesTest} checks that each case has its method).
 * {@link #visit} is the single dispatch on the sealed interface.
 *
 * @param <R> what the pass computes for a node
 */
public interface TypedCmdVisitor<R> {
    R visitFeed(Typed.Feed c);

    R visitDo(Typed.Do c);

    R visitCaseCmd(Typed.CaseCmd c);

    R visitIfCmd(Typed.IfCmd c);

    /** Calls the method for {@code c}'s case. */
    default R visit(Typed.Cmd c) {
        if (c instanceof Typed.Feed x) return visitFeed(x);
        if (c instanceof Typed.Do x) return visitDo(x);
        if (c instanceof Typed.CaseCmd x) return visitCaseCmd(x);
        if (c instanceof Typed.IfCmd x) return visitIfCmd(x);
        throw new IllegalArgumentException("not a case of Typed.Cmd: " + c);
    }
}
