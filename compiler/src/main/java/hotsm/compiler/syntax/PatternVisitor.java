package hotsm.compiler.syntax;

/**
 * One method per case of {@link Pattern} (a pattern of the AST), so that every pass over it
 * is checked for exhaustiveness by the compiler when a case is added
 * ({@code VisitorsCoverTheTreesTest} checks that each case has its method).
 * {@link #visit} is the single dispatch on the sealed interface.
 *
 * @param <R> what the pass computes for a node
 */
public interface PatternVisitor<R> {
    R visitWild(Pattern.Wild p);

    R visitVar(Pattern.Var p);

    R visitIntLit(Pattern.IntLit p);

    R visitStrLit(Pattern.StrLit p);

    R visitUnit(Pattern.Unit p);

    R visitTuple(Pattern.Tuple p);

    R visitCon(Pattern.Con p);

    R visitListPat(Pattern.ListPat p);

    R visitCons(Pattern.Cons p);

    R visitRecord(Pattern.Record p);

    /** Calls the method for {@code p}'s case. */
    default R visit(Pattern p) {
        if (p instanceof Pattern.Wild x) return visitWild(x);
        if (p instanceof Pattern.Var x) return visitVar(x);
        if (p instanceof Pattern.IntLit x) return visitIntLit(x);
        if (p instanceof Pattern.StrLit x) return visitStrLit(x);
        if (p instanceof Pattern.Unit x) return visitUnit(x);
        if (p instanceof Pattern.Tuple x) return visitTuple(x);
        if (p instanceof Pattern.Con x) return visitCon(x);
        if (p instanceof Pattern.ListPat x) return visitListPat(x);
        if (p instanceof Pattern.Cons x) return visitCons(x);
        if (p instanceof Pattern.Record x) return visitRecord(x);
        throw new IllegalArgumentException("not a case of Pattern: " + p);
    }
}
