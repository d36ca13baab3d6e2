package hotsm.compiler.ir;

import hotsm.vm.types.Shape;
import hotsm.vm.value.Values;

/**
 * Forward type inference for IR terms: given the shape of a term's input (and
 * of the machine's state, for {@code Get}/{@code Put}), the shape of its
 * output. Every rule is the typing rule of LANGUAGE.md §8; an ill-typed term
 * raises {@link IrTypeError} naming the offending sub-term, what it expected
 * and what it got.
 */
public final class IrTyping {
    private IrTyping() {}

    /**
     * The output shape of {@code term} on inputs of shape {@code domain}.
     *
     * @param state the machine's state shape, or null where {@code Get}/{@code Put} are not allowed
     */
    public static Shape typeOf(Term term, Shape domain, Shape state) {
        return new Typer(state).type(term, domain);
    }

    private record Typer(Shape state, java.util.Set<String> checked) {
        Typer(Shape state) { this(state, new java.util.HashSet<>()); }

        Shape type(Term term, Shape in) {
            return new Rules(in).visit(term);
        }

        private IrTypeError error(Term t, String message) {
            return new IrTypeError("ill-typed IR term " + IrPrinter.abbreviate(t, 60) + ": " + message);
        }

        private final class Rules implements TermVisitor<Shape> {
            private final Shape in;

            Rules(Shape in) { this.in = in; }

            private Shape.Pair pair(Term t) {
                if (in instanceof Shape.Pair p) return p;
                throw error(t, "expects a pair as input, got " + in);
            }

            private Shape.Sum sum(Term t) {
                if (in instanceof Shape.Sum s) return s;
                throw error(t, "expects a sum as input, got " + in);
            }

            @Override public Shape visitId(Term.Id t) { return in; }

            @Override public Shape visitCompose(Term.Compose t) { return type(t.g(), type(t.f(), in)); }

            @Override public Shape visitFst(Term.Fst t) { return pair(t).first(); }

            @Override public Shape visitSnd(Term.Snd t) { return pair(t).second(); }

            @Override public Shape visitFork(Term.Fork t) { return new Shape.Pair(type(t.f(), in), type(t.g(), in)); }

            @Override public Shape visitPar(Term.Par t) {
                Shape.Pair p = pair(t);
                return new Shape.Pair(type(t.f(), p.first()), type(t.g(), p.second()));
            }

            @Override public Shape visitDrop(Term.Drop t) { return Shape.UNIT; }

            @Override public Shape visitInl(Term.Inl t) { return new Shape.Sum(in, t.right()); }

            @Override public Shape visitInr(Term.Inr t) { return new Shape.Sum(t.left(), in); }

            @Override public Shape visitCase(Term.Case t) {
                Shape.Sum s = sum(t);
                Shape left = type(t.f(), s.left());
                Shape right = type(t.g(), s.right());
                if (!left.equals(right)) {
                    throw error(t, "its branches disagree: the left one gives " + left + ", the right one " + right);
                }
                return left;
            }

            @Override public Shape visitDist(Term.Dist t) {
                Shape.Pair p = pair(t);
                if (!(p.second() instanceof Shape.Sum s)) {
                    throw error(t, "expects (E, A + B) as input, got " + in);
                }
                return new Shape.Sum(new Shape.Pair(p.first(), s.left()), new Shape.Pair(p.first(), s.right()));
            }

            @Override public Shape visitConst(Term.Const t) {
                if (!(in instanceof Shape.Unit)) throw error(t, "expects () as input, got " + in);
                if (!Values.conforms(t.value(), t.shape())) {
                    throw error(t, "the value " + t.value() + " does not have the declared shape " + t.shape());
                }
                return t.shape();
            }

            @Override public Shape visitPrim(Term.Prim t) {
                try {
                    return Primitives.type(t.op(), in);
                } catch (IrTypeError e) {
                    throw error(t, e.getMessage());
                }
            }

            @Override public Shape visitGet(Term.Get t) {
                if (state == null) throw error(t, "get is only allowed where there is a state");
                if (!(in instanceof Shape.Unit)) throw error(t, "expects () as input, got " + in);
                return state;
            }

            @Override public Shape visitPut(Term.Put t) {
                if (state == null) throw error(t, "put is only allowed where there is a state");
                if (!in.equals(state)) throw error(t, "expects the state type " + state + " as input, got " + in);
                return Shape.UNIT;
            }

            @Override public Shape visitFold(Term.Fold t) {
                Shape.Pair p = pair(t);
                if (!(p.second() instanceof Shape.Pair acc) || !(acc.second() instanceof Shape.ListOf list)) {
                    throw error(t, "expects (E, (B, List A)) as input, got " + in);
                }
                Shape step = type(t.f(), new Shape.Pair(p.first(), new Shape.Pair(acc.first(), list.element())));
                if (!step.equals(acc.first())) {
                    throw error(t, "its step gives " + step + ", but the accumulator has type " + acc.first());
                }
                return acc.first();
            }

            @Override public Shape visitCall(Term.Call t) {
                Term.Definition d = t.definition();
                if (!in.equals(d.from())) throw error(t, "calls " + d.name() + " : " + d.from() + " -> " + d.to() + " with " + in);
                if (checked.add(d.name())) {
                    Shape body = type(d.body(), d.from());
                    if (!body.equals(d.to())) throw error(t, "the body of " + d.name() + " gives " + body + ", not " + d.to());
                }
                return d.to();
            }

            @Override public Shape visitFail(Term.Fail t) {
                if (!(in instanceof Shape.Str)) throw error(t, "expects a String message, got " + in);
                return t.result();
            }
        }
    }
}
