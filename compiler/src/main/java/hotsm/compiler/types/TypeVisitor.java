package hotsm.compiler.types;

/**
 * One method per case of {@link Type} (a type), so that every pass over it
 * is checked for exhaustiveness by the compiler when a case is added
 * ({@code VisitorsCoverTheTreesTest} checks that each case has its method).
 * {@link #visit} is the single dispatch on the sealed interface.
 *
 * @param <R> what the pass computes for a node
 */
public interface TypeVisitor<R> {
    R visitVar(Type.Var t);

    R visitCon(Type.Con t);

    R visitUnit(Type.Unit t);

    R visitTuple(Type.Tuple t);

    R visitFun(Type.Fun t);

    /** Calls the method for {@code t}'s case. */
    default R visit(Type t) {
        if (t instanceof Type.Var x) return visitVar(x);
        if (t instanceof Type.Con x) return visitCon(x);
        if (t instanceof Type.Unit x) return visitUnit(x);
        if (t instanceof Type.Tuple x) return visitTuple(x);
        if (t instanceof Type.Fun x) return visitFun(x);
        throw new IllegalArgumentException("not a case of Type: " + t);
    }
}
