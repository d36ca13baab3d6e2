package hotsm.vm.value;

import hotsm.vm.types.Shape;

/** Checks on values against their erased shapes. */
public final class Values {
    private Values() {}

    /**
     * Whether {@code value} has shape {@code shape}: units are units, pairs are
     * pairs of conforming components, and a sum holds an {@code Inl} of its left
     * side or an {@code Inr} of its right side, a list holds elements of its
     * element shape, a map keys and values of its key and value shapes. The
     * walk follows the right spine of pairs and sums and the elements of a
     * list with loops, so only left nesting (bounded by the shape) recurses.
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
            } else if (shape instanceof Shape.ListOf l) {
                if (!(value instanceof Value.ListOf list)) return false;
                for (Value element : list) {
                    if (!conforms(element, l.element())) return false;
                }
                return true;
            } else if (shape instanceof Shape.MapOf m) {
                if (!(value instanceof Value.MapOf map)) return false;
                for (Value.Pair e : map.entries()) {
                    if (!conforms(e.first(), m.key()) || !conforms(e.second(), m.value())) return false;
                }
                return true;
            } else {
                return false;
            }
        }
    }
}
