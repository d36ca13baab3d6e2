package hotsm.compiler.ir;

import hotsm.vm.bytecode.PrimOp;
import hotsm.vm.types.Shape;
import hotsm.vm.value.Value;

/**
 * The typing rule and the reference semantics of each {@link PrimOp}, one case
 * per operation. Binary operations take a pair.
 */
public final class Primitives {
    private Primitives() {}

    /** The result shape of {@code op} applied to {@code in}; throws {@link IrTypeError}. */
    public static Shape type(PrimOp op, Shape in) {
        Shape ints = new Shape.Pair(Shape.INT, Shape.INT);
        return switch (op) {
            case ADD, SUB, MUL, DIV, MOD -> expect(op, in, ints, Shape.INT);
            case NEG -> expect(op, in, Shape.INT, Shape.INT);
            case CONCAT -> expect(op, in, new Shape.Pair(Shape.STR, Shape.STR), Shape.STR);
            case SHOW_INT -> expect(op, in, Shape.INT, Shape.STR);
            case LENGTH -> expect(op, in, Shape.STR, Shape.INT);
            case EQ, NE, LT, LE, GT, GE -> {
                if (!(in instanceof Shape.Pair p) || !p.first().equals(p.second())) {
                    throw new IrTypeError("(" + op.symbol() + ") expects a pair of two values of the same type, got " + in);
                }
                yield Shape.BOOL;
            }
        };
    }

    private static Shape expect(PrimOp op, Shape in, Shape expected, Shape result) {
        if (!in.equals(expected)) throw new IrTypeError(name(op) + " expects " + expected + ", got " + in);
        return result;
    }

    private static String name(PrimOp op) {
        return Character.isLetter(op.symbol().charAt(0)) ? op.symbol() : "(" + op.symbol() + ")";
    }

    /** Applies {@code op}; throws {@link IrRuntimeError} for division by zero or a badly typed argument. */
    public static Value apply(PrimOp op, Value in) {
        return switch (op) {
            case ADD -> Value.of(left(op, in) + right(op, in));
            case SUB -> Value.of(left(op, in) - right(op, in));
            case MUL -> Value.of(left(op, in) * right(op, in));
            case DIV -> Value.of(left(op, in) / nonZero(right(op, in)));
            case MOD -> Value.of(left(op, in) % nonZero(right(op, in)));
            case NEG -> Value.of(-integer(op, in));
            case EQ -> Value.bool(pair(op, in).first().equals(pair(op, in).second()));
            case NE -> Value.bool(!pair(op, in).first().equals(pair(op, in).second()));
            case LT -> Value.bool(compare(pair(op, in)) < 0);
            case LE -> Value.bool(compare(pair(op, in)) <= 0);
            case GT -> Value.bool(compare(pair(op, in)) > 0);
            case GE -> Value.bool(compare(pair(op, in)) >= 0);
            case CONCAT -> Value.of(string(op, pair(op, in).first()) + string(op, pair(op, in).second()));
            case SHOW_INT -> Value.of(Long.toString(integer(op, in)));
            case LENGTH -> Value.of(string(op, in).length());
        };
    }

    /**
     * The order of the comparisons: Int numerically, String by UTF-16 code
     * units, {@code ()} equal to itself, {@code Inl _ < Inr _}, pairs
     * lexicographically.
     */
    public static int compare(Value a, Value b) {
        if (a instanceof Value.Int x && b instanceof Value.Int y) return Long.compare(x.value(), y.value());
        if (a instanceof Value.Str x && b instanceof Value.Str y) return x.value().compareTo(y.value());
        if (a instanceof Value.Unit && b instanceof Value.Unit) return 0;
        if (a instanceof Value.Pair x && b instanceof Value.Pair y) {
            int c = compare(x.first(), y.first());
            return c != 0 ? c : compare(x.second(), y.second());
        }
        if (a instanceof Value.Inl x && b instanceof Value.Inl y) return compare(x.value(), y.value());
        if (a instanceof Value.Inr x && b instanceof Value.Inr y) return compare(x.value(), y.value());
        if (a instanceof Value.Inl && b instanceof Value.Inr) return -1;
        if (a instanceof Value.Inr && b instanceof Value.Inl) return 1;
        throw new IrRuntimeError("cannot compare " + a + " with " + b);
    }

    private static int compare(Value.Pair p) { return compare(p.first(), p.second()); }

    private static long nonZero(long divisor) {
        if (divisor == 0) throw new IrRuntimeError("division by zero");
        return divisor;
    }

    private static Value.Pair pair(PrimOp op, Value v) {
        if (v instanceof Value.Pair p) return p;
        throw new IrRuntimeError(name(op) + " applied to a non-pair " + v);
    }

    private static long left(PrimOp op, Value v) { return integer(op, pair(op, v).first()); }

    private static long right(PrimOp op, Value v) { return integer(op, pair(op, v).second()); }

    private static long integer(PrimOp op, Value v) {
        if (v instanceof Value.Int i) return i.value();
        throw new IrRuntimeError(name(op) + " applied to a non-integer " + v);
    }

    private static String string(PrimOp op, Value v) {
        if (v instanceof Value.Str s) return s.value();
        throw new IrRuntimeError(name(op) + " applied to a non-string " + v);
    }
}
