package hotsm.compiler.ir;

import hotsm.vm.machine.Cam;
import hotsm.vm.value.Value;

/**
 * The reference semantics of the IR: direct evaluation of a term on a value,
 * with the machine's state as a register that {@code Get} reads and
 * {@code Put} writes. {@code Fork f g} runs {@code f} before {@code g} and
 * {@code Par f g} runs {@code f} on the first component before {@code g} on
 * the second, so the order of state effects is defined. Integer arithmetic
 * wraps; {@code /} truncates toward zero and {@code %} takes the sign of the
 * dividend (Java's); by zero they raise {@link IrRuntimeError}, as does a
 * string longer than the CAM's limit ({@link Cam#MAX_STRING_LENGTH}). The CAM
 * must agree with this class on every well-typed term. A {@link Budget} bounds
 * a run (the REPL gives it the node's fuel and checks for Ctrl-C there).
 */
public final class IrInterpreter {
    private IrInterpreter() {}

    /** The output of a run and the state after it. */
    public record Result(Value value, Value state) {}

    /**
     * Runs {@code term} on {@code argument} starting from {@code state}
     * (null when there is none: then {@code Get}/{@code Put} fail).
     */
    public static Result run(Term term, Value argument, Value state) {
        return run(term, argument, state, Budget.UNLIMITED);
    }

    /**
     * What a run may spend: one unit per term evaluated and one per character
     * of a string built. {@link #charge} throws (an {@link IrRuntimeError}, or
     * any unchecked exception) to stop the run.
     */
    public interface Budget {
        Budget UNLIMITED = units -> {};

        void charge(long units);
    }

    /** As {@link #run(Term, Value, Value)}, charging {@code budget} as it goes. */
    public static Result run(Term term, Value argument, Value state, Budget budget) {
        Evaluator e = new Evaluator(state, budget);
        Value out = e.eval(term, argument);
        return new Result(out, e.state);
    }

    private static final class Evaluator {
        private Value state;
        private final Budget budget;

        Evaluator(Value state, Budget budget) {
            this.state = state;
            this.budget = budget;
        }

        Value eval(Term term, Value in) {
            budget.charge(1);
            return new Step(in).visit(term);
        }

        /** The CAM's limit on strings, and one unit of the budget per character built. */
        private Value built(Value v) {
            if (v instanceof Value.Str s) {
                int length = s.value().length();
                if (length > Cam.MAX_STRING_LENGTH) {
                    throw new IrRuntimeError("string of " + length + " characters is longer than the limit of " + Cam.MAX_STRING_LENGTH);
                }
                budget.charge(length);
            }
            return v;
        }

        private final class Step implements TermVisitor<Value> {
            private final Value in;

            Step(Value in) { this.in = in; }

            private Value.Pair pair(String what) {
                if (in instanceof Value.Pair p) return p;
                throw new IrRuntimeError(what + " applied to a non-pair " + in);
            }

            @Override public Value visitId(Term.Id t) { return in; }

            @Override public Value visitCompose(Term.Compose t) { return eval(t.g(), eval(t.f(), in)); }

            @Override public Value visitFst(Term.Fst t) { return pair("fst").first(); }

            @Override public Value visitSnd(Term.Snd t) { return pair("snd").second(); }

            @Override public Value visitFork(Term.Fork t) {
                Value a = eval(t.f(), in);
                return new Value.Pair(a, eval(t.g(), in));
            }

            @Override public Value visitPar(Term.Par t) {
                Value.Pair p = pair("***");
                Value a = eval(t.f(), p.first());
                return new Value.Pair(a, eval(t.g(), p.second()));
            }

            @Override public Value visitDrop(Term.Drop t) { return Value.UNIT; }

            @Override public Value visitInl(Term.Inl t) { return new Value.Inl(in); }

            @Override public Value visitInr(Term.Inr t) { return new Value.Inr(in); }

            @Override public Value visitCase(Term.Case t) {
                if (in instanceof Value.Inl l) return eval(t.f(), l.value());
                if (in instanceof Value.Inr r) return eval(t.g(), r.value());
                throw new IrRuntimeError("||| applied to a non-sum " + in);
            }

            @Override public Value visitDist(Term.Dist t) {
                Value.Pair p = pair("dist");
                if (p.second() instanceof Value.Inl l) return new Value.Inl(new Value.Pair(p.first(), l.value()));
                if (p.second() instanceof Value.Inr r) return new Value.Inr(new Value.Pair(p.first(), r.value()));
                throw new IrRuntimeError("dist applied to a pair whose second component is not a sum: " + in);
            }

            @Override public Value visitConst(Term.Const t) { return t.value(); }

            @Override public Value visitPrim(Term.Prim t) { return built(Primitives.apply(t.op(), in)); }

            @Override public Value visitGet(Term.Get t) {
                if (state == null) throw new IrRuntimeError("get: there is no state here");
                return state;
            }

            @Override public Value visitPut(Term.Put t) {
                if (state == null) throw new IrRuntimeError("put: there is no state here");
                state = in;
                return Value.UNIT;
            }

            @Override public Value visitFold(Term.Fold t) {
                Value.Pair p = pair("fold");
                if (!(p.second() instanceof Value.Pair acc) || !(acc.second() instanceof Value.ListOf list)) {
                    throw new IrRuntimeError("fold applied to " + in + ", not (E, (B, List A))");
                }
                Value b = acc.first();
                for (Value a : list) b = eval(t.f(), new Value.Pair(p.first(), new Value.Pair(b, a)));
                return b;
            }

            @Override public Value visitCall(Term.Call t) { return eval(t.definition().body(), in); }

            @Override public Value visitFail(Term.Fail t) {
                if (in instanceof Value.Str s) throw new IrRuntimeError(s.value());
                throw new IrRuntimeError("error applied to a non-string " + in);
            }
        }
    }
}
