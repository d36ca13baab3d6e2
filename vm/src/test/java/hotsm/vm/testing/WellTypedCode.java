package hotsm.vm.testing;

import hotsm.vm.bytecode.Code;
import hotsm.vm.bytecode.Instruction;
import hotsm.vm.bytecode.PrimOp;
import hotsm.vm.types.Shape;
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
            switch (random.nextInt(14)) {
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

    private Shape prim(List<Instruction> out, Shape v) {
        Shape intPair = new Shape.Pair(Shape.INT, Shape.INT);
        Shape strPair = new Shape.Pair(Shape.STR, Shape.STR);
        List<PrimOp> ops = new ArrayList<>();
        if (v.equals(intPair)) ops.addAll(List.of(PrimOp.ADD, PrimOp.SUB, PrimOp.MUL, PrimOp.DIV, PrimOp.MOD));
        if (v.equals(strPair)) ops.add(PrimOp.CONCAT);
        if (v.equals(Shape.INT)) ops.addAll(List.of(PrimOp.NEG, PrimOp.SHOW_INT));
        if (v.equals(Shape.STR)) ops.add(PrimOp.LENGTH);
        if (v instanceof Shape.Pair p && p.first().equals(p.second())) {
            ops.addAll(List.of(PrimOp.EQ, PrimOp.NE, PrimOp.LT, PrimOp.LE, PrimOp.GT, PrimOp.GE));
        }
        if (ops.isEmpty()) return null;
        PrimOp op = ops.get(random.nextInt(ops.size()));
        out.add(new Instruction.Prim(op));
        return switch (op) {
            case ADD, SUB, MUL, DIV, MOD, NEG, LENGTH -> Shape.INT;
            case CONCAT, SHOW_INT -> Shape.STR;
            default -> Shape.BOOL;
        };
    }

    private static int depthOf(Shape s) {
        if (s instanceof Shape.Pair p) return 1 + Math.max(depthOf(p.first()), depthOf(p.second()));
        if (s instanceof Shape.Sum p) return 1 + Math.max(depthOf(p.left()), depthOf(p.right()));
        return 1;
    }
}
