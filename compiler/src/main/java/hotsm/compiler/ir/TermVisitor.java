package hotsm.compiler.ir;

/**
 * One method per IR term, so that every pass over {@link Term} is checked for
 * exhaustiveness by the compiler when a term is added. {@link #visit} is the
 * single dispatch on the sealed interface.
 *
 * @param <R> what the pass computes for a term
 */
public interface TermVisitor<R> {
    R visitId(Term.Id t);

    R visitCompose(Term.Compose t);

    R visitFst(Term.Fst t);

    R visitSnd(Term.Snd t);

    R visitFork(Term.Fork t);

    R visitPar(Term.Par t);

    R visitDrop(Term.Drop t);

    R visitInl(Term.Inl t);

    R visitInr(Term.Inr t);

    R visitCase(Term.Case t);

    R visitDist(Term.Dist t);

    R visitConst(Term.Const t);

    R visitPrim(Term.Prim t);

    R visitGet(Term.Get t);

    R visitPut(Term.Put t);
    R visitFold(Term.Fold t);
    R visitCall(Term.Call t);
    R visitFail(Term.Fail t);

    /** Calls the method for {@code t}'s case. */
    default R visit(Term t) {
        if (t instanceof Term.Compose c) return visitCompose(c);
        if (t instanceof Term.Id c) return visitId(c);
        if (t instanceof Term.Fst c) return visitFst(c);
        if (t instanceof Term.Snd c) return visitSnd(c);
        if (t instanceof Term.Fork c) return visitFork(c);
        if (t instanceof Term.Par c) return visitPar(c);
        if (t instanceof Term.Drop c) return visitDrop(c);
        if (t instanceof Term.Inl c) return visitInl(c);
        if (t instanceof Term.Inr c) return visitInr(c);
        if (t instanceof Term.Case c) return visitCase(c);
        if (t instanceof Term.Dist c) return visitDist(c);
        if (t instanceof Term.Const c) return visitConst(c);
        if (t instanceof Term.Prim c) return visitPrim(c);
        if (t instanceof Term.Get c) return visitGet(c);
        if (t instanceof Term.Put c) return visitPut(c);
        if (t instanceof Term.Fold c) return visitFold(c);
        if (t instanceof Term.Call c) return visitCall(c);
        if (t instanceof Term.Fail c) return visitFail(c);
        throw new IllegalArgumentException("not an IR term: " + t);
    }
}
