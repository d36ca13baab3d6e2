package hotsm.compiler.syntax;

/**
 * One method per case of {@link Cmd.Stmt} (a statement of a do block), so that every pass over it
 * is checked for exhaustiveness by the compiler when a case is added
 * ({@code VisitorsCoverTheTreesTest} checks that each case has its method).
 * {@link #visit} is the single dispatch on the sealed interface.
 *
 * @param <R> what the pass computes for a node
 */
public interface StmtVisitor<R> {
    R visitBind(Cmd.Bind s);

    R visitExec(Cmd.Exec s);

    R visitLetStmt(Cmd.LetStmt s);

    /** Calls the method for {@code s}'s case. */
    default R visit(Cmd.Stmt s) {
        if (s instanceof Cmd.Bind x) return visitBind(x);
        if (s instanceof Cmd.Exec x) return visitExec(x);
        if (s instanceof Cmd.LetStmt x) return visitLetStmt(x);
        throw new IllegalArgumentException("not a case of Cmd.Stmt: " + s);
    }
}
