package hotsm.compiler.codegen;

import hotsm.compiler.ir.Term;
import hotsm.compiler.ir.TermVisitor;
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
 *   Fold f       ->  FOLD [f]
 *   Call d       ->  CALL k (d's shared block; in place if d uses the state)
 *   Fail         ->  ERROR
 * </pre>
 *
 * Terms can be deep (long {@code Compose} chains, deeply nested environments),
 * so the translation runs on an explicit work stack, never Java recursion.
 * Two peephole rules are applied while emitting, both local and obviously
 * sound: {@code PUSH ; SWAP} becomes {@code PUSH} (after {@code PUSH} the
 * register and the top of the stack hold the same value, so swapping them
 * changes nothing; {@code Fork Id g} becomes {@code PUSH ; [g] ; CONS}), and a
 * {@code QUOTE} directly followed by {@code QUOTE} or {@code GET} is dropped
 * (both overwrite the register without reading it, and {@code QUOTE} cannot
 * fail; {@code Drop} before {@code Const} or {@code Get} costs nothing).
 */
public final class CamCompiler {

    private CamCompiler() {}

    /** The CAM code of {@code term}, which calls no shared definition (or inlines them all). */
    public static Code compile(Term term) {
        return compile(term, null);
    }

    /**
     * The CAM code of {@code term}; the pure definitions it calls become
     * blocks of {@code blocks} (null: every call is compiled in place).
     */
    public static Code compile(Term term, BlockTable blocks) {
        List<Instruction> out = new ArrayList<>();
        Deque<Task> work = new ArrayDeque<>();
        work.push(new Task.Translate(term, out));
        while (!work.isEmpty()) {
            Task task = work.pop();
            if (task instanceof Task.Emit e) {
                emit(e.out(), e.instruction());
            } else if (task instanceof Task.EmitCase c) {
                emit(c.out(), new Instruction.Case(new Code(c.left()), new Code(c.right())));
            } else if (task instanceof Task.EmitFold f) {
                emit(f.out(), new Instruction.Fold(new Code(f.body())));
            } else {
                Task.Translate t = (Task.Translate) task;
                new Translation(t.out(), work, blocks).visit(t.term());
            }
        }
        return new Code(out);
    }

    /** Appends {@code next}, applying the peephole rules. */
    private static void emit(List<Instruction> out, Instruction next) {
        Instruction last = out.isEmpty() ? null : out.get(out.size() - 1);
        if (next instanceof Instruction.Swap && last instanceof Instruction.Push) return;
        if ((next instanceof Instruction.Quote || next instanceof Instruction.Get) && last instanceof Instruction.Quote) {
            out.remove(out.size() - 1);
        }
        out.add(next);
    }

    /** Pending work; tasks pushed later run first, so each case pushes its parts in reverse. */
    private sealed interface Task {
        record Translate(Term term, List<Instruction> out) implements Task {}
        record Emit(Instruction instruction, List<Instruction> out) implements Task {}
        record EmitCase(List<Instruction> left, List<Instruction> right, List<Instruction> out) implements Task {}
        record EmitFold(List<Instruction> body, List<Instruction> out) implements Task {}
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
    private record Translation(List<Instruction> out, Deque<Task> work, BlockTable blocks) implements TermVisitor<Void> {

        private void schedule(Object... parts) {
            for (int i = parts.length - 1; i >= 0; i--) {
                Object p = parts[i];
                work.push(p instanceof Term t ? new Task.Translate(t, out) : new Task.Emit((Instruction) p, out));
            }
        }

        /** {@code Id}: nothing. */
        @Override public Void visitId(Term.Id t) { return null; }

        /** {@code Compose g f}: f, then g. */
        @Override public Void visitCompose(Term.Compose t) { schedule(t.f(), t.g()); return null; }

        /** {@code Fst}: {@code FST}. */
        @Override public Void visitFst(Term.Fst t) { schedule(FST); return null; }

        /** {@code Snd}: {@code SND}. */
        @Override public Void visitSnd(Term.Snd t) { schedule(SND); return null; }

        /** {@code Fork f g}: keep the argument, run f, swap it back, run g, pair the results. */
        @Override public Void visitFork(Term.Fork t) { schedule(PUSH, t.f(), SWAP, t.g(), CONS); return null; }

        /** {@code Par f g}: as {@code Fork (f . Fst) (g . Snd)}. */
        @Override public Void visitPar(Term.Par t) { schedule(PUSH, FST, t.f(), SWAP, SND, t.g(), CONS); return null; }

        /** {@code Drop}: {@code QUOTE ()}. */
        @Override public Void visitDrop(Term.Drop t) { schedule(QUOTE_UNIT); return null; }

        /** {@code Inl}: {@code INL}, carrying the right side of the sum. */
        @Override public Void visitInl(Term.Inl t) { schedule(new Instruction.Inl(t.right())); return null; }

        /** {@code Inr}: {@code INR}, carrying the left side of the sum. */
        @Override public Void visitInr(Term.Inr t) { schedule(new Instruction.Inr(t.left())); return null; }

        /** {@code Case f g}: {@code CASE [f] [g]}. */
        @Override public Void visitCase(Term.Case t) {
            List<Instruction> left = new ArrayList<>();
            List<Instruction> right = new ArrayList<>();
            work.push(new Task.EmitCase(left, right, out));
            work.push(new Task.Translate(t.g(), right));
            work.push(new Task.Translate(t.f(), left));
            return null;
        }

        /** {@code Dist}: {@code DIST}. */
        @Override public Void visitDist(Term.Dist t) { schedule(DIST); return null; }

        /** {@code Const v}: {@code QUOTE v}. */
        @Override public Void visitConst(Term.Const t) { schedule(new Instruction.Quote(t.shape(), t.value())); return null; }

        /** {@code Prim op}: {@code PRIM op}. */
        @Override public Void visitPrim(Term.Prim t) { schedule(new Instruction.Prim(t.op())); return null; }

        /** {@code Get}: {@code GET}. */
        @Override public Void visitGet(Term.Get t) { schedule(GET); return null; }

        /** {@code Put}: {@code PUT}. */
        @Override public Void visitPut(Term.Put t) { schedule(PUT); return null; }

        /** {@code Fold f}: {@code FOLD [f]}. */
        @Override public Void visitFold(Term.Fold t) {
            List<Instruction> body = new ArrayList<>();
            work.push(new Task.EmitFold(body, out));
            work.push(new Task.Translate(t.f(), body));
            return null;
        }

        /** {@code Call d}: {@code CALL k} for d's shared block; d's body in place when it uses the state or there is no table. */
        @Override public Void visitCall(Term.Call t) {
            if (blocks == null || !blocks.isPure(t.definition())) {
                schedule(t.definition().body());
            } else {
                schedule(new Instruction.Call(blocks.index(t.definition())));
            }
            return null;
        }

        /** {@code Fail}: {@code ERROR}. */
        @Override public Void visitFail(Term.Fail t) { schedule(new Instruction.Error(t.result())); return null; }
    }
}
