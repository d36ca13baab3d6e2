package hotsm.compiler.types;

/**
 * One method per case of {@link Typed.Pattern} (a typed pattern), so that every pass over it
 * is checked for exhaustiveness by the compiler when a case is added
 * ({@code VisitorsCoverTheTreesTest} checks that each case has its method).
 * {@link #visit} is the single dispatch on the sealed interface.
 *
 * @param <R> what the pass computes for a node
 */
public interface TypedPatternVisitor<R> {
    R visitPWild(Typed.PWild p);

    R visitPVar(Typed.PVar p);

    R visitPInt(Typed.PInt p);

    R visitPStr(Typed.PStr p);

    R visitPUnit(Typed.PUnit p);

    R visitPTuple(Typed.PTuple p);

    R visitPNil(Typed.PNil p);

    R visitPCons(Typed.PCons p);

    R visitPCon(Typed.PCon p);

    /** Calls the method for {@code p}'s case. */
    default R visit(Typed.Pattern p) {
        if (p instanceof Typed.PWild x) return visitPWild(x);
        if (p instanceof Typed.PVar x) return visitPVar(x);
        if (p instanceof Typed.PInt x) return visitPInt(x);
        if (p instanceof Typed.PStr x) return visitPStr(x);
        if (p instanceof Typed.PUnit x) return visitPUnit(x);
        if (p instanceof Typed.PTuple x) return visitPTuple(x);
        if (p instanceof Typed.PNil x) return visitPNil(x);
        if (p instanceof Typed.PCons x) return visitPCons(x);
        if (p instanceof Typed.PCon x) return visitPCon(x);
        throw new IllegalArgumentException("not a case of Typed.Pattern: " + p);
    }
}
