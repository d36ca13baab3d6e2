package hotsm.vm.verify;

import hotsm.vm.types.Shape;

/**
 * A hash-consed {@link Shape}: the verifier's abstract value. Two {@code Ty}s
 * from one {@link ShapeTable} are the same shape exactly when they are the same
 * object, so comparing shapes costs nothing even when code builds shapes that
 * would be exponentially large as trees. Identity equality, on purpose.
 */
final class Ty {
    // The tags of hotsm.vm.bytecode.ShapeAlgebra.
    static final int UNIT = 0, INT = 1, STR = 2, PAIR = 3, SUM = 4, LIST = 5, MAP = 6;

    final int tag;
    final Ty left;
    final Ty right;
    final int depth;

    Ty(int tag, Ty left, Ty right) {
        this.tag = tag;
        this.left = left;
        this.right = right;
        this.depth = 1 + Math.max(left == null ? 0 : left.depth, right == null ? 0 : right.depth);
    }

    boolean isPair() { return tag == PAIR; }

    boolean isSum() { return tag == SUM; }

    /** The shape back as a tree (only for shapes the verifier has bounded). */
    Shape toShape() {
        return switch (tag) {
            case UNIT -> Shape.UNIT;
            case INT -> Shape.INT;
            case STR -> Shape.STR;
            case PAIR -> new Shape.Pair(left.toShape(), right.toShape());
            case LIST -> new Shape.ListOf(left.toShape());
            case MAP -> new Shape.MapOf(left.toShape(), right.toShape());
            default -> new Shape.Sum(left.toShape(), right.toShape());
        };
    }

    /** As {@link Shape#toString()}, cut short after about 120 characters. */
    @Override public String toString() {
        StringBuilder b = new StringBuilder();
        print(b, false);
        return b.length() > 120 ? b.substring(0, 117) + "..." : b.toString();
    }

    private void argument(StringBuilder b) {
        boolean wrap = tag == SUM || tag == LIST || tag == MAP;
        if (wrap) b.append('(');
        print(b, false);
        if (wrap) b.append(')');
    }

    private void print(StringBuilder b, boolean sumOnLeft) {
        if (b.length() > 120) return;
        switch (tag) {
            case UNIT -> b.append("()");
            case INT -> b.append("Int");
            case STR -> b.append("String");
            case PAIR -> {
                b.append('(');
                left.print(b, false);
                b.append(", ");
                right.print(b, false);
                b.append(')');
            }
            case LIST -> {
                b.append("List ");
                left.argument(b);
            }
            case MAP -> {
                b.append("Map ");
                left.argument(b);
                b.append(' ');
                right.argument(b);
            }
            default -> {
                if (sumOnLeft) b.append('(');
                left.print(b, true);
                b.append(" + ");
                right.print(b, false);
                if (sumOnLeft) b.append(')');
            }
        }
    }
}
