package hotsm.vm.testing;

import hotsm.vm.bytecode.Code;
import hotsm.vm.bytecode.Instruction;
import hotsm.vm.bytecode.PrimOp;
import hotsm.vm.types.Shape;
import hotsm.vm.value.Value;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;

/**
 * Random CAM code that is type-correct by construction: each instruction is
 * picked among those whose typing rule applies to the current shapes. Used to
 * check that what the verifier accepts, the VM runs without type confusion.
 */
public final class WellTypedCode {
    private final Random random;
    private final RandomArtifacts values;
    private final Shape state;

    /** @param state the state register's shape, or {@code null} for pure code */
    public WellTypedCode(long seed, Shape state) {
        this.random = new Random(seed);
        this.values = new RandomArtifacts(seed + 1);
        this.state = state;
    }

    /** The message of every ERROR this generates. */
    public static final String GENERATED_ERROR = "generated error";

    /** Code and the shape it leaves in the value register. */
    public record Generated(Code code, Shape result) {}

    public Generated block(Shape input, int length, int depth) {
        List<Instruction> out = new ArrayList<>();
        Deque<Shape> stack = new ArrayDeque<>();
        Shape v = input;
        for (int i = 0; i < length; i++) v = step(out, stack, v, depth);
        while (!stack.isEmpty()) {
            out.add(new Instruction.Cons());
            v = new Shape.Pair(stack.pop(), v);
        }
        return new Generated(new Code(out), v);
    }

    private Shape step(List<Instruction> out, Deque<Shape> stack, Shape v, int depth) {
        while (true) {
            switch (random.nextInt(17)) {
                case 0 -> {
                    if (v instanceof Shape.Pair p) { out.add(new Instruction.Fst()); return p.first(); }
                }
                case 1 -> {
                    if (v instanceof Shape.Pair p) { out.add(new Instruction.Snd()); return p.second(); }
                }
                case 2 -> {
                    if (stack.size() < 4) { out.add(new Instruction.Push()); stack.push(v); return v; }
                }
                case 3 -> {
                    if (!stack.isEmpty()) { out.add(new Instruction.Swap()); Shape x = stack.pop(); stack.push(v); return x; }
                }
                case 4 -> {
                    if (!stack.isEmpty() && depthOf(v) < 8) { out.add(new Instruction.Cons()); return new Shape.Pair(stack.pop(), v); }
                }
                case 5 -> {
                    Shape s = values.shape(2);
                    out.add(new Instruction.Quote(s, values.value(s)));
                    return s;
                }
                case 6 -> {
                    if (depthOf(v) < 8) { Shape r = values.shape(1); out.add(new Instruction.Inl(r)); return new Shape.Sum(v, r); }
                }
                case 7 -> {
                    if (depthOf(v) < 8) { Shape l = values.shape(1); out.add(new Instruction.Inr(l)); return new Shape.Sum(l, v); }
                }
                case 8 -> {
                    if (v instanceof Shape.Sum s && depth > 0) {
                        Generated left = block(s.left(), random.nextInt(5), depth - 1);
                        Generated right = block(s.right(), random.nextInt(5), depth - 1);
                        List<Instruction> r = new ArrayList<>(right.code().instructions());
                        if (!right.result().equals(left.result())) r.add(new Instruction.Quote(left.result(), values.value(left.result())));
                        out.add(new Instruction.Case(left.code(), new Code(r)));
                        return left.result();
                    }
                }
                case 9 -> {
                    if (v instanceof Shape.Pair p && p.second() instanceof Shape.Sum s) {
                        out.add(new Instruction.Dist());
                        return new Shape.Sum(new Shape.Pair(p.first(), s.left()), new Shape.Pair(p.first(), s.right()));
                    }
                }
                case 10 -> {
                    Shape r = prim(out, v);
                    if (r != null) return r;
                }
                case 11 -> {
                    if (state != null) { out.add(new Instruction.Get()); return state; }
                }
                case 12 -> {
                    if (state != null && v.equals(state)) { out.add(new Instruction.Put()); return Shape.UNIT; }
                }
                case 13 -> {
                    // CONS, DIST, CASE (a case keeping its environment; the JIT fuses the three): (x, sum) split.
                    if (v instanceof Shape.Sum s && !stack.isEmpty() && depth > 0) {
                        Shape x = stack.pop();
                        out.add(new Instruction.Cons());
                        out.add(new Instruction.Dist());
                        Generated left = block(new Shape.Pair(x, s.left()), random.nextInt(5), depth - 1);
                        Generated right = block(new Shape.Pair(x, s.right()), random.nextInt(5), depth - 1);
                        List<Instruction> r = new ArrayList<>(right.code().instructions());
                        if (!right.result().equals(left.result())) r.add(new Instruction.Quote(left.result(), values.value(left.result())));
                        out.add(new Instruction.Case(left.code(), new Code(r)));
                        return left.result();
                    }
                }
                case 14 -> {
                    // Fold over a list: ((), (acc, list)) with a random accumulator, then a body (E, (B, A)) -> B.
                    if (v instanceof Shape.ListOf l && depth > 0) {
                        Shape acc = values.shape(1);
                        out.add(new Instruction.Push());
                        out.add(new Instruction.Quote(acc, values.value(acc)));
                        out.add(new Instruction.Swap());
                        out.add(new Instruction.Cons());
                        out.add(new Instruction.Push());
                        out.add(new Instruction.Quote(Shape.UNIT, Value.UNIT));
                        out.add(new Instruction.Swap());
                        out.add(new Instruction.Cons());
                        Shape bodyInput = new Shape.Pair(Shape.UNIT, new Shape.Pair(acc, l.element()));
                        Generated body = block(bodyInput, random.nextInt(5), depth - 1);
                        List<Instruction> b = new ArrayList<>(body.code().instructions());
                        if (!body.result().equals(acc)) b.add(new Instruction.Quote(acc, values.value(acc)));
                        out.add(new Instruction.Fold(new Code(b)));
                        return acc;
                    }
                }
                case 15 -> {
                    // A list or map to work on: v as a one-element list, or a map from v to v.
                    if (depthOf(v) < 8) {
                        out.add(new Instruction.Push());
                        out.add(new Instruction.Quote(new Shape.ListOf(v), Value.NIL));
                        out.add(new Instruction.Cons());
                        out.add(new Instruction.Prim(PrimOp.LIST_CONS));
                        return new Shape.ListOf(v);
                    }
                }
                case 16 -> {
                    if (random.nextInt(12) == 0) {
                        Shape result = values.shape(1);
                        out.add(new Instruction.Quote(Shape.STR, Value.of(GENERATED_ERROR)));
                        out.add(new Instruction.Error(result));
                        return result;
                    }
                }
                default -> {
                    // Build an operand for a primitive: (v, v) for comparisons, or an Int pair.
                    if (depthOf(v) < 8) {
                        out.add(new Instruction.Push());
                        out.add(new Instruction.Cons());
                        return new Shape.Pair(v, v);
                    }
                }
            }
        }
    }

    /** A primitive whose typing rule (its row of PrimOp) accepts {@code v}, if any. */
    private Shape prim(List<Instruction> out, Shape v) {
        List<PrimOp> ops = new ArrayList<>();
        List<Shape> results = new ArrayList<>();
        for (PrimOp op : PrimOp.values()) {
            try {
                Shape r = op.typeOf(hotsm.vm.bytecode.ShapeAlgebra.TREES, v);
                if (depthOf(r) < 9) {
                    ops.add(op);
                    results.add(r);
                }
            } catch (hotsm.vm.bytecode.PrimSignature.Mismatch e) {
                // not applicable here
            }
        }
        if (ops.isEmpty()) return null;
        int k = random.nextInt(ops.size());
        out.add(new Instruction.Prim(ops.get(k)));
        return results.get(k);
    }

    private static int depthOf(Shape s) {
        if (s instanceof Shape.Pair p) return 1 + Math.max(depthOf(p.first()), depthOf(p.second()));
        if (s instanceof Shape.Sum p) return 1 + Math.max(depthOf(p.left()), depthOf(p.right()));
        if (s instanceof Shape.ListOf l) return 1 + depthOf(l.element());
        if (s instanceof Shape.MapOf m) return 1 + Math.max(depthOf(m.key()), depthOf(m.value()));
        return 1;
    }
}
