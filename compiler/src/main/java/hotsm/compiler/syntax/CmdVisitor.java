package hotsm.compiler.syntax;

/**
 * One method per case of {@link Cmd} (a command of the AST), so that every pass over it
 * is checked for exhaustiveness by the compiler when a case is added
 * ({@code VisitorsCoverTheTreesTest} checks that each case has its method).
 * {@link #visit} is the single dispatch on the sealed interface.
 *
 * @param <R> what the pass computes for a node
 */
public interface CmdVisitor<R> {
    R visitFeed(Cmd.Feed c);

    R visitDo(Cmd.Do c);

    R visitCase(Cmd.Case c);

    R visitIf(Cmd.If c);

    /** Calls the method for {@code c}'s case. */
    default R visit(Cmd c) {
        if (c instanceof Cmd.Feed x) return visitFeed(x);
        if (c instanceof Cmd.Do x) return visitDo(x);
        if (c instanceof Cmd.Case x) return visitCase(x);
        if (c instanceof Cmd.If x) return visitIf(x);
        throw new IllegalArgumentException("not a case of Cmd: " + c);
    }
}
