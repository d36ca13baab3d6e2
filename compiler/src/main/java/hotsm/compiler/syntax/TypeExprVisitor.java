package hotsm.compiler.syntax;

/**
 * One method per case of {@link TypeExpr} (a type as written), so that every pass over it
 * is checked for exhaustiveness by the compiler when a case is added
 * ({@code VisitorsCoverTheTreesTest} checks that each case has its method).
 * {@link #visit} is the single dispatch on the sealed interface.
 *
 * @param <R> what the pass computes for a node
 */
public interface TypeExprVisitor<R> {
    R visitCon(TypeExpr.Con t);

    R visitVar(TypeExpr.Var t);

    R visitUnit(TypeExpr.Unit t);

    R visitTuple(TypeExpr.Tuple t);

    R visitFun(TypeExpr.Fun t);

    /** Calls the method for {@code t}'s case. */
    default R visit(TypeExpr t) {
        if (t instanceof TypeExpr.Con x) return visitCon(x);
        if (t instanceof TypeExpr.Var x) return visitVar(x);
        if (t instanceof TypeExpr.Unit x) return visitUnit(x);
        if (t instanceof TypeExpr.Tuple x) return visitTuple(x);
        if (t instanceof TypeExpr.Fun x) return visitFun(x);
        throw new IllegalArgumentException("not a case of TypeExpr: " + t);
    }
}
