package hotsm.compiler.types;

/**
 * One method per case of {@link Typed.Stmt} (a typed statement), so that every pass over it
 * is checked for exhaustiveness by the compiler when a case is added
 * ({@code VisitorsCoverTheTreesTest} checks that each case has its method).
 * {@link #visit} is the single dispatch on the sealed interface.
 *
 * @param <R> what the pass computes for a node
 */
public interface TypedStmtVisitor<R> {
    R visitBind(Typed.Bind s);

    R visitExec(Typed.Exec s);

    R visitLetStmt(Typed.LetStmt s);

    /** Calls the method for {@code s}'s case. */
    default R visit(Typed.Stmt s) {
        if (s instanceof Typed.Bind x) return visitBind(x);
        if (s instanceof Typed.Exec x) return visitExec(x);
        if (s instanceof Typed.LetStmt x) return visitLetStmt(x);
        throw new IllegalArgumentException("not a case of Typed.Stmt: " + s);
    }
}
