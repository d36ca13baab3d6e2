package hotsm.compiler.codegen;

import hotsm.compiler.ir.Term;

/**
 * One method per IR term, so a translation over {@link Term} is checked for
 * exhaustiveness by the compiler; {@link #dispatch} is the single place that
 * tells the cases apart.
 */
interface TermVisitor {
    void id(Term.Id t);
    void compose(Term.Compose t);
    void fst(Term.Fst t);
    void snd(Term.Snd t);
    void fork(Term.Fork t);
    void par(Term.Par t);
    void drop(Term.Drop t);
    void inl(Term.Inl t);
    void inr(Term.Inr t);
    void caseOf(Term.Case t);
    void dist(Term.Dist t);
    void constant(Term.Const t);
    void prim(Term.Prim t);
    void get(Term.Get t);
    void put(Term.Put t);

    /** Calls the method of {@code visitor} for the case {@code term} is. */
    static void dispatch(Term term, TermVisitor visitor) {
        if (term instanceof Term.Id t) visitor.id(t);
        else if (term instanceof Term.Compose t) visitor.compose(t);
        else if (term instanceof Term.Fst t) visitor.fst(t);
        else if (term instanceof Term.Snd t) visitor.snd(t);
        else if (term instanceof Term.Fork t) visitor.fork(t);
        else if (term instanceof Term.Par t) visitor.par(t);
        else if (term instanceof Term.Drop t) visitor.drop(t);
        else if (term instanceof Term.Inl t) visitor.inl(t);
        else if (term instanceof Term.Inr t) visitor.inr(t);
        else if (term instanceof Term.Case t) visitor.caseOf(t);
        else if (term instanceof Term.Dist t) visitor.dist(t);
        else if (term instanceof Term.Const t) visitor.constant(t);
        else if (term instanceof Term.Prim t) visitor.prim(t);
        else if (term instanceof Term.Get t) visitor.get(t);
        else if (term instanceof Term.Put t) visitor.put(t);
        else throw new IllegalArgumentException("unknown IR term " + term);
    }
}
