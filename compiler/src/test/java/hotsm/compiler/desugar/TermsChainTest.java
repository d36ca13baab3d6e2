package hotsm.compiler.desugar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import hotsm.compiler.ir.Term;
import hotsm.vm.bytecode.PrimOp;
import hotsm.vm.types.Shape;
import hotsm.vm.value.Value;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Terms#pipeline} keeps its chain of stages as the chain itself, so a
 * stage added at the end shares the chain before it (linear, where copying
 * the chain at every {@code seq} was quadratic in a call nested n deep). The
 * terms it builds are the same as those of the copying version, kept here as
 * the reference, on random pipelines of the stages its rewrites look at.
 */
class TermsChainTest {
    /** A stage added where no rewrite applies keeps the chain before it, the same object. */
    @Test
    void aStageAddedAtTheEndSharesTheChain() {
        Term chain = Terms.pipeline(new Term.Prim(PrimOp.NEG), new Term.Prim(PrimOp.NEG), new Term.Prim(PrimOp.NEG));
        Term longer = Terms.seq(chain, new Term.Prim(PrimOp.NEG));
        assertSame(chain, ((Term.Compose) longer).f());
    }

    /** A call nested n deep builds its chain of n stages by adding one stage per call. */
    @Test
    void aDeepChainIsBuiltStageByStage() {
        Term t = new Term.Prim(PrimOp.NEG);
        for (int i = 0; i < 100_000; i++) t = Terms.seq(t, new Term.Prim(PrimOp.NEG));
        int n = 0;
        for (Term c = t; c instanceof Term.Compose k; c = k.f()) n++;
        assertEquals(100_000, n);
    }

    @Test
    void sameTermsAsTheCopyingReference() {
        Random random = new Random(11);
        for (int i = 0; i < 20_000; i++) {
            long seed = random.nextLong();
            Term mine = build(new Random(seed), 4, false);
            Term reference = build(new Random(seed), 4, true);
            assertEquals(reference, mine, "seed " + seed);
        }
    }

    /** A random term, its pipelines made by {@link Terms#pipeline} or by the reference. */
    private static Term build(Random r, int depth, boolean reference) {
        int k = depth == 0 ? r.nextInt(7) : r.nextInt(10);
        switch (k) {
            case 0: return Term.ID;
            case 1: return Term.FST;
            case 2: return Term.SND;
            case 3: return Term.DROP;
            case 4: return new Term.Const(Shape.INT, Value.of(r.nextInt(3)));
            case 5: return new Term.Prim(PrimOp.NEG);
            case 6: return new Term.Inl(Shape.INT);
            case 7: return Terms.fork(build(r, depth - 1, reference), build(r, depth - 1, reference));
            default:
                List<Term> stages = new ArrayList<>();
                int n = 1 + r.nextInt(5);
                for (int j = 0; j < n; j++) stages.add(build(r, depth - 1, reference));
                return reference ? Reference.pipeline(stages) : Terms.pipeline(stages);
        }
    }

    /** The pipeline as it was: every stage flattened onto a deque, the chain built again from it. */
    private static final class Reference {
        static Term seq(Term a, Term b) { return pipeline(List.of(a, b)); }

        static Term pipeline(List<Term> stages) {
            Deque<Term> done = new ArrayDeque<>();
            for (Term s : stages) flattenInto(s, done);
            Term t = null;
            for (Iterator<Term> it = done.descendingIterator(); it.hasNext(); ) {
                Term s = it.next();
                t = t == null ? s : new Term.Compose(s, t);
            }
            return t == null ? Term.ID : t;
        }

        private static void flattenInto(Term t, Deque<Term> done) {
            if (t instanceof Term.Compose c) {
                flattenInto(c.f(), done);
                flattenInto(c.g(), done);
                return;
            }
            if (t instanceof Term.Id) return;
            Term last = done.peek();
            if (last instanceof Term.Fork f && t instanceof Term.Fst && Terms.isTotalAndPure(f.g())) {
                done.pop();
                flattenInto(f.f(), done);
            } else if (last instanceof Term.Fork f && t instanceof Term.Snd && Terms.isTotalAndPure(f.f())) {
                done.pop();
                flattenInto(f.g(), done);
            } else if (last != null && t instanceof Term.Drop && Terms.isTotalAndPure(last)) {
                done.pop();
                flattenInto(t, done);
            } else if (last instanceof Term.Fork f && t instanceof Term.Drop && Terms.isTotalAndPure(f.f())) {
                done.pop();
                flattenInto(f.g(), done);
                flattenInto(t, done);
            } else if (last instanceof Term.Fork f && t instanceof Term.Drop && Terms.isTotalAndPure(f.g())) {
                done.pop();
                flattenInto(f.f(), done);
                flattenInto(t, done);
            } else if (last instanceof Term.Fork f && Terms.isTotalAndPure(f.f()) && reading(t, true) != null) {
                done.pop();
                flattenInto(f.g(), done);
                flattenInto(reading(t, true), done);
            } else if (last instanceof Term.Fork f && Terms.isTotalAndPure(f.g()) && reading(t, false) != null) {
                done.pop();
                flattenInto(f.f(), done);
                flattenInto(reading(t, false), done);
            } else {
                done.push(t);
            }
        }

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
                return b == null ? null : Terms.fork(a, b);
            }
            return null;
        }
    }
}
