package hotsm.compiler.desugar;

import hotsm.compiler.ir.Term;
import hotsm.vm.types.Shape;
import hotsm.vm.value.Value;
import java.util.List;

/**
 * Smart constructors that keep desugared terms small without changing their
 * meaning: identities vanish from pipelines, a projection or constant followed
 * by {@code drop} is {@code drop}, and {@code fst &&& snd} is {@code id}.
 */
final class Terms {
    private Terms() {}

    /** First {@code first}, then {@code second}, simplified at the seam (see {@link #pipeline(List)}). */
    static Term seq(Term first, Term second) {
        return pipeline(List.of(first, second));
    }

    /**
     * The stages one after the other, flattened and rewritten where two
     * neighbours meet: {@code id} vanishes; {@code (f &&& g) >>> fst} is
     * {@code f} when {@code g} can be skipped (and symmetrically for
     * {@code snd}); a stage that can be skipped followed by {@code drop} is
     * {@code drop}, and {@code (f &&& g) >>> drop} keeps only the side that
     * may fail or touch the state; {@code (f &&& g) >>> t} where {@code t}
     * reads only the second component and {@code f} can be skipped is
     * {@code g >>> t'} (and symmetrically). The result is a chain of {@code Compose}.
     */
    static Term pipeline(List<Term> stages) {
        Term done = null;
        for (Term s : stages) done = flattenInto(s, done);
        return done == null ? Term.ID : done;
    }

    /*
     * The stages done so far are a stack kept as the chain itself: the last
     * stage is the chain's g (its top), the stages before it its f (the rest),
     * and null is the empty stack. Pushing a stage shares the chain below it,
     * so a stage added at the end of a long chain (a call around a call around
     * a call...) costs the seam only, not a copy of the chain.
     *
     * Every Compose is made here, by push, onto a stack whose every seam was
     * checked when its upper stage was pushed; the rewrites depend only on the
     * two terms at a seam. So flattening a Compose onto the empty stack stage by
     * stage gives back the same stages: the chain itself is the stack, and is
     * taken as it is, without walking it.
     */

    private static Term top(Term done) { return done instanceof Term.Compose c ? c.g() : done; }

    private static Term pop(Term done) { return done instanceof Term.Compose c ? c.f() : null; }

    private static Term push(Term t, Term done) { return done == null ? t : new Term.Compose(t, done); }

    /** The stack {@code done} with the stages of {@code t} pushed (top = last stage), rewritten at each seam. */
    private static Term flattenInto(Term t, Term done) {
        if (t instanceof Term.Compose c) {
            if (done == null) return c;
            return flattenInto(c.g(), flattenInto(c.f(), done));
        }
        if (t instanceof Term.Id) return done;
        Term last = top(done);
        if (last instanceof Term.Fork f && t instanceof Term.Fst && isTotalAndPure(f.g())) {
            return flattenInto(f.f(), pop(done));
        } else if (last instanceof Term.Fork f && t instanceof Term.Snd && isTotalAndPure(f.f())) {
            return flattenInto(f.g(), pop(done));
        } else if (last != null && t instanceof Term.Drop && isTotalAndPure(last)) {
            return flattenInto(t, pop(done));
        } else if (last instanceof Term.Fork f && t instanceof Term.Drop && isTotalAndPure(f.f())) {
            // only g's effects matter when the pair is dropped
            return flattenInto(t, flattenInto(f.g(), pop(done)));
        } else if (last instanceof Term.Fork f && t instanceof Term.Drop && isTotalAndPure(f.g())) {
            return flattenInto(t, flattenInto(f.f(), pop(done)));
        } else if (last instanceof Term.Fork f && isTotalAndPure(f.f()) && reading(t, true) != null) {
            // the next stage reads only the second component: the first need not be built
            return flattenInto(reading(t, true), flattenInto(f.g(), pop(done)));
        } else if (last instanceof Term.Fork f && isTotalAndPure(f.g()) && reading(t, false) != null) {
            return flattenInto(reading(t, false), flattenInto(f.f(), pop(done)));
        }
        return push(t, done);
    }

    /**
     * For a term on pairs that reads only one component ({@code second}: the
     * {@code snd} one), the term {@code t'} with {@code t = snd >>> t'}
     * (or {@code fst >>> t'}); null when it may read both or the pair itself.
     */
    private static Term reading(Term t, boolean second) {
        if (t instanceof Term.Fst) return second ? null : Term.ID;
        if (t instanceof Term.Snd) return second ? Term.ID : null;
        if (t instanceof Term.Drop) return Term.DROP;
        if (t instanceof Term.Compose c) {
            Term f = reading(c.f(), second);
            return f == null ? null : seq(f, c.g());
        }
        if (t instanceof Term.Fork k) {
            Term a = reading(k.f(), second);
            Term b = a == null ? null : reading(k.g(), second);
            return b == null ? null : fork(a, b);
        }
        return null;
    }

    static Term pipeline(Term... stages) { return pipeline(List.of(stages)); }

    static Term fork(Term f, Term g) {
        if (f instanceof Term.Fst && g instanceof Term.Snd) return Term.ID;
        return new Term.Fork(f, g);
    }

    /** {@code drop >>> const v}: the constant function. */
    static Term constant(Shape shape, Value value) {
        if (shape instanceof Shape.Unit) return Term.DROP;
        return seq(Term.DROP, new Term.Const(shape, value));
    }

    /**
     * Whether {@code t} can neither fail nor touch the state, so dropping its
     * result may skip it. Looks at most {@link #PURITY_BUDGET} nodes and
     * answers "not known" (false: keep it) past them, so building a pipeline
     * stage by stage stays linear (a chain of 32,000 {@code +} took minutes).
     */
    static boolean isTotalAndPure(Term t) {
        int[] budget = {PURITY_BUDGET};
        return isTotalAndPure(t, budget);
    }

    static final int PURITY_BUDGET = 1_000;

    private static boolean isTotalAndPure(Term t, int[] budget) {
        if (--budget[0] < 0) return false;
        if (t instanceof Term.Compose c) return isTotalAndPure(c.f(), budget) && isTotalAndPure(c.g(), budget);
        if (t instanceof Term.Fork f) return isTotalAndPure(f.f(), budget) && isTotalAndPure(f.g(), budget);
        return t instanceof Term.Id || t instanceof Term.Fst || t instanceof Term.Snd || t instanceof Term.Drop
                || t instanceof Term.Const || t instanceof Term.Inl || t instanceof Term.Inr;
    }
}
