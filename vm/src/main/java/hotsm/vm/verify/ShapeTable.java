package hotsm.vm.verify;

import hotsm.vm.types.Shape;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Interns shapes as {@link Ty}s and refuses any deeper than
 * {@link Verifier#MAX_SHAPE_DEPTH}, so every value a verified program handles
 * is shallow enough for the VM's recursive comparisons and the printer.
 */
final class ShapeTable {
    private record Key(int tag, Ty left, Ty right) {}

    /** A shape over the depth limit; the verifier turns it into a {@link VerifyException}. */
    static final class TooDeep extends RuntimeException {
        TooDeep() { super(null, null, false, false); }
    }

    private final Map<Key, Ty> table = new HashMap<>();
    final Ty unit = make(Ty.UNIT, null, null);
    final Ty integer = make(Ty.INT, null, null);
    final Ty string = make(Ty.STR, null, null);
    final Ty bool = make(Ty.SUM, unit, unit);

    Ty pair(Ty a, Ty b) { return make(Ty.PAIR, a, b); }

    Ty sum(Ty a, Ty b) { return make(Ty.SUM, a, b); }

    private Ty make(int tag, Ty a, Ty b) {
        Key k = new Key(tag, a, b);
        Ty t = table.get(k);
        if (t == null) {
            t = new Ty(tag, a, b);
            if (t.depth > Verifier.MAX_SHAPE_DEPTH) throw new TooDeep();
            table.put(k, t);
        }
        return t;
    }

    /**
     * Interns a shape tree without recursion (a declared type's erasure can be
     * a long chain of sums), refusing it once it is too deep.
     */
    Ty intern(Shape root) {
        Deque<Object> work = new ArrayDeque<>();
        Deque<Ty> done = new ArrayDeque<>();
        work.push(root);
        while (!work.isEmpty()) {
            // Each level of nesting leaves at most two items behind on the work list.
            if (work.size() > 2 * Verifier.MAX_SHAPE_DEPTH + 4) throw new TooDeep();
            Object item = work.pop();
            if (item instanceof Shape.Pair p) {
                work.push(Ty.PAIR);
                work.push(p.second());
                work.push(p.first());
            } else if (item instanceof Shape.Sum s) {
                work.push(Ty.SUM);
                work.push(s.right());
                work.push(s.left());
            } else if (item instanceof Integer tag) {
                Ty right = done.pop();
                Ty left = done.pop();
                done.push(make(tag, left, right));
            } else if (item instanceof Shape.Unit) {
                done.push(unit);
            } else if (item instanceof Shape.Int) {
                done.push(integer);
            } else if (item instanceof Shape.Str) {
                done.push(string);
            } else {
                throw new IllegalArgumentException("unknown shape " + item);
            }
        }
        return done.pop();
    }
}
