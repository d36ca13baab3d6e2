package hotsm.vm.value;

import hotsm.vm.types.Shape;

/** Checks on values against their erased shapes. */
public final class Values {
    private Values() {}

    /**
     * Whether {@code value} has shape {@code shape}: units are units, pairs are
     * pairs of conforming components, and a sum holds an {@code Inl} of its left
     * side or an {@code Inr} of its right side. The walk follows the right spine
     * of pairs and sums with a loop, so only left nesting recurses.
     */
    public static boolean conforms(Value value, Shape shape) {
        while (true) {
            if (shape instanceof Shape.Unit) return value instanceof Value.Unit;
            if (shape instanceof Shape.Int) return value instanceof Value.Int;
            if (shape instanceof Shape.Str) return value instanceof Value.Str;
            if (shape instanceof Shape.Pair p) {
                if (!(value instanceof Value.Pair v)) return false;
                if (!conforms(v.first(), p.first())) return false;
                value = v.second();
                shape = p.second();
            } else if (shape instanceof Shape.Sum s) {
                if (value instanceof Value.Inl l) {
                    value = l.value();
                    shape = s.left();
                } else if (value instanceof Value.Inr r) {
                    value = r.value();
                    shape = s.right();
                } else {
                    return false;
                }
            } else {
                return false;
            }
        }
    }
}
