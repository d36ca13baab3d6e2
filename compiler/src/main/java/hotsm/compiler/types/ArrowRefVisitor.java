package hotsm.compiler.types;

/**
 * One method per case of {@link Typed.ArrowRef} (what a command feeds), so that every pass over it
 * is checked for exhaustiveness by the compiler when a case is added
 * ({@code VisitorsCoverTheTreesTest} checks that each case has its method).
 * {@link #visit} is the single dispatch on the sealed interface.
 *
 * @param <R> what the pass computes for a node
 */
public interface ArrowRefVisitor<R> {
    R visitGetArrow(Typed.GetArrow a);

    R visitPutArrow(Typed.PutArrow a);

    R visitReturnA(Typed.ReturnA a);

    R visitFunctionArrow(Typed.FunctionArrow a);

    R visitPrimArrow(Typed.PrimArrow a);

    R visitLocalArrow(Typed.LocalArrow a);

    /** Calls the method for {@code a}'s case. */
    default R visit(Typed.ArrowRef a) {
        if (a instanceof Typed.GetArrow x) return visitGetArrow(x);
        if (a instanceof Typed.PutArrow x) return visitPutArrow(x);
        if (a instanceof Typed.ReturnA x) return visitReturnA(x);
        if (a instanceof Typed.FunctionArrow x) return visitFunctionArrow(x);
        if (a instanceof Typed.PrimArrow x) return visitPrimArrow(x);
        if (a instanceof Typed.LocalArrow x) return visitLocalArrow(x);
        throw new IllegalArgumentException("not a case of Typed.ArrowRef: " + a);
    }
}
