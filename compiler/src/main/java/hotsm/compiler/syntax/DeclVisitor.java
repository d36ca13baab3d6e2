package hotsm.compiler.syntax;

/**
 * One method per case of {@link Decl} (a declaration), so that every pass over it
 * is checked for exhaustiveness by the compiler when a case is added
 * ({@code VisitorsCoverTheTreesTest} checks that each case has its method).
 * {@link #visit} is the single dispatch on the sealed interface.
 *
 * @param <R> what the pass computes for a node
 */
public interface DeclVisitor<R> {
    R visitData(Decl.Data d);

    R visitTypeAlias(Decl.TypeAlias d);

    R visitSignature(Decl.Signature d);

    R visitFunction(Decl.Function d);

    R visitArrow(Decl.Arrow d);

    R visitMachine(Decl.Machine d);

    R visitUpgrade(Decl.Upgrade d);

    /** Calls the method for {@code d}'s case. */
    default R visit(Decl d) {
        if (d instanceof Decl.Data x) return visitData(x);
        if (d instanceof Decl.TypeAlias x) return visitTypeAlias(x);
        if (d instanceof Decl.Signature x) return visitSignature(x);
        if (d instanceof Decl.Function x) return visitFunction(x);
        if (d instanceof Decl.Arrow x) return visitArrow(x);
        if (d instanceof Decl.Machine x) return visitMachine(x);
        if (d instanceof Decl.Upgrade x) return visitUpgrade(x);
        throw new IllegalArgumentException("not a case of Decl: " + d);
    }
}
