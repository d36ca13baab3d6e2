package hotsm.compiler.codegen;

import hotsm.compiler.ir.Term;
import hotsm.vm.bytecode.Code;
import hotsm.vm.bytecode.Instruction;
import hotsm.vm.types.Shape;
import hotsm.vm.value.Value;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Compiles an IR {@link Term} to CAM {@link Code}: one case per term, read as
 * a table (the value register holds the term's argument on entry and its
 * result on exit; the stack is left as it was found).
 *
 * <pre>
 *   Id           ->  (nothing)
 *   Compose g f  ->  [f] ; [g]
 *   Fst, Snd     ->  FST, SND
 *   Fork f g     ->  PUSH ; [f] ; SWAP ; [g] ; CONS
 *   Par f g      ->  PUSH ; FST ; [f] ; SWAP ; SND ; [g] ; CONS
 *   Drop         ->  QUOTE ()
 *   Inl, Inr     ->  INL, INR (with the other side of the sum)
 *   Case f g     ->  CASE [f] [g]
 *   Dist         ->  DIST
 *   Const v      ->  QUOTE v
 *   Prim op      ->  PRIM op
 *   Get, Put     ->  GET, PUT
 * </pre>
 *
 * Terms can be deep (long {@code Compose} chains, deeply nested environments),
 * so the translation runs on an explicit work stack, never Java recursion.
 * One peephole rule is applied while emitting: {@code PUSH ; SWAP} is dropped
 * to {@code PUSH} (after {@code PUSH} the register and the top of the stack
 * hold the same value, so swapping them changes nothing); it turns
 * {@code Fork Id g} into {@code PUSH ; [g] ; CONS}.
 */
public final class CamCompiler {

    private CamCompiler() {}

    /** The CAM code of {@code term}. */
    public static Code compile(Term term) {
        List<Instruction> out = new ArrayList<>();
        Deque<Task> work = new ArrayDeque<>();
        work.push(new Task.Translate(term, out));
        while (!work.isEmpty()) {
            Task task = work.pop();
            if (task instanceof Task.Emit e) {
                emit(e.out(), e.instruction());
            } else if (task instanceof Task.EmitCase c) {
                emit(c.out(), new Instruction.Case(new Code(c.left()), new Code(c.right())));
            } else {
                Task.Translate t = (Task.Translate) task;
                TermVisitor.dispatch(t.term(), new Translation(t.out(), work));
            }
        }
        return new Code(out);
    }

    /** Appends {@code next}, applying the peephole rule. */
    private static void emit(List<Instruction> out, Instruction next) {
        if (next instanceof Instruction.Swap && !out.isEmpty() && out.get(out.size() - 1) instanceof Instruction.Push) {
            return;
        }
        out.add(next);
    }

    /** Pending work; tasks pushed later run first, so each case pushes its parts in reverse. */
    private sealed interface Task {
        record Translate(Term term, List<Instruction> out) implements Task {}
        record Emit(Instruction instruction, List<Instruction> out) implements Task {}
        record EmitCase(List<Instruction> left, List<Instruction> right, List<Instruction> out) implements Task {}
    }

    private static final Instruction FST = new Instruction.Fst();
    private static final Instruction SND = new Instruction.Snd();
    private static final Instruction PUSH = new Instruction.Push();
    private static final Instruction SWAP = new Instruction.Swap();
    private static final Instruction CONS = new Instruction.Cons();
    private static final Instruction DIST = new Instruction.Dist();
    private static final Instruction GET = new Instruction.Get();
    private static final Instruction PUT = new Instruction.Put();
    private static final Instruction QUOTE_UNIT = new Instruction.Quote(Shape.UNIT, Value.UNIT);

    /** The table: schedules the instructions of one term (its parts in order, pushed in reverse). */
    private record Translation(List<Instruction> out, Deque<Task> work) implements TermVisitor {

        private void schedule(Object... parts) {
            for (int i = parts.length - 1; i >= 0; i--) {
                Object p = parts[i];
                work.push(p instanceof Term t ? new Task.Translate(t, out) : new Task.Emit((Instruction) p, out));
            }
        }

        /** {@code Id}: nothing. */
        @Override public void id(Term.Id t) {}

        /** {@code Compose g f}: f, then g. */
        @Override public void compose(Term.Compose t) { schedule(t.f(), t.g()); }

        /** {@code Fst}: {@code FST}. */
        @Override public void fst(Term.Fst t) { schedule(FST); }

        /** {@code Snd}: {@code SND}. */
        @Override public void snd(Term.Snd t) { schedule(SND); }

        /** {@code Fork f g}: keep the argument, run f, swap it back, run g, pair the results. */
        @Override public void fork(Term.Fork t) { schedule(PUSH, t.f(), SWAP, t.g(), CONS); }

        /** {@code Par f g}: as {@code Fork (f . Fst) (g . Snd)}. */
        @Override public void par(Term.Par t) { schedule(PUSH, FST, t.f(), SWAP, SND, t.g(), CONS); }

        /** {@code Drop}: {@code QUOTE ()}. */
        @Override public void drop(Term.Drop t) { schedule(QUOTE_UNIT); }

        /** {@code Inl}: {@code INL}, carrying the right side of the sum. */
        @Override public void inl(Term.Inl t) { schedule(new Instruction.Inl(t.right())); }

        /** {@code Inr}: {@code INR}, carrying the left side of the sum. */
        @Override public void inr(Term.Inr t) { schedule(new Instruction.Inr(t.left())); }

        /** {@code Case f g}: {@code CASE [f] [g]}. */
        @Override public void caseOf(Term.Case t) {
            List<Instruction> left = new ArrayList<>();
            List<Instruction> right = new ArrayList<>();
            work.push(new Task.EmitCase(left, right, out));
            work.push(new Task.Translate(t.g(), right));
            work.push(new Task.Translate(t.f(), left));
        }

        /** {@code Dist}: {@code DIST}. */
        @Override public void dist(Term.Dist t) { schedule(DIST); }

        /** {@code Const v}: {@code QUOTE v}. */
        @Override public void constant(Term.Const t) { schedule(new Instruction.Quote(t.shape(), t.value())); }

        /** {@code Prim op}: {@code PRIM op}. */
        @Override public void prim(Term.Prim t) { schedule(new Instruction.Prim(t.op())); }

        /** {@code Get}: {@code GET}. */
        @Override public void get(Term.Get t) { schedule(GET); }

        /** {@code Put}: {@code PUT}. */
        @Override public void put(Term.Put t) { schedule(PUT); }
    }
}
