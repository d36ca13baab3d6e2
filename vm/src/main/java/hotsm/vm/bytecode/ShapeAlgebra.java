package hotsm.vm.bytecode;

import hotsm.vm.types.Shape;

/**
 * A view of shapes that a {@link PrimSignature} can match and build, so one
 * typing rule per primitive serves every checker: the verifier over its
 * hash-consed shapes, the compiler's IR typer over {@link Shape} trees
 * ({@link #TREES}).
 *
 * @param <T> the checker's representation of a shape
 */
public interface ShapeAlgebra<T> {
    int UNIT = 0, INT = 1, STR = 2, PAIR = 3, SUM = 4, LIST = 5, MAP = 6;

    /** One of {@link #UNIT} … {@link #MAP}. */
    int tag(T t);

    /** The {@code i}-th part (0 or 1) of a pair, sum, list (0: element) or map (0: key, 1: value). */
    T part(T t, int i);

    /** The shape with {@code tag} over its parts ({@code null} where the tag takes fewer). */
    T make(int tag, T first, T second);

    /** Whether two shapes are the same. */
    boolean same(T a, T b);

    /** {@link Shape} trees, compared structurally. */
    ShapeAlgebra<Shape> TREES = new ShapeAlgebra<>() {
        @Override public int tag(Shape s) {
            if (s instanceof Shape.Unit) return UNIT;
            if (s instanceof Shape.Int) return INT;
            if (s instanceof Shape.Str) return STR;
            if (s instanceof Shape.Pair) return PAIR;
            if (s instanceof Shape.Sum) return SUM;
            if (s instanceof Shape.ListOf) return LIST;
            if (s instanceof Shape.MapOf) return MAP;
            throw new IllegalArgumentException("unknown shape " + s);
        }

        @Override public Shape part(Shape s, int i) {
            if (s instanceof Shape.Pair p) return i == 0 ? p.first() : p.second();
            if (s instanceof Shape.Sum p) return i == 0 ? p.left() : p.right();
            if (s instanceof Shape.ListOf l) return l.element();
            if (s instanceof Shape.MapOf m) return i == 0 ? m.key() : m.value();
            throw new IllegalArgumentException("shape " + s + " has no parts");
        }

        @Override public Shape make(int tag, Shape a, Shape b) {
            return switch (tag) {
                case UNIT -> Shape.UNIT;
                case INT -> Shape.INT;
                case STR -> Shape.STR;
                case PAIR -> new Shape.Pair(a, b);
                case SUM -> new Shape.Sum(a, b);
                case LIST -> new Shape.ListOf(a);
                default -> new Shape.MapOf(a, b);
            };
        }

        @Override public boolean same(Shape a, Shape b) { return a.equals(b); }
    };
}
