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
final class ShapeTable implements hotsm.vm.bytecode.ShapeAlgebra<Ty> {
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

    Ty list(Ty element) { return make(Ty.LIST, element, null); }

    // The ShapeAlgebra view, so PrimOp's typing rules apply to hash-consed shapes.

    @Override public int tag(Ty t) { return t.tag; }

    @Override public Ty part(Ty t, int i) { return i == 0 ? t.left : t.right; }

    @Override public boolean same(Ty a, Ty b) { return a == b; }

    /** @throws TooDeep if the shape is deeper than the limit */
    @Override public Ty make(int tag, Ty a, Ty b) {
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
            } else if (item instanceof Shape.ListOf l) {
                work.push(Ty.LIST);
                work.push(l.element());
            } else if (item instanceof Shape.MapOf m) {
                work.push(Ty.MAP);
                work.push(m.value());
                work.push(m.key());
            } else if (item instanceof Integer tag) {
                Ty right = tag == Ty.LIST ? null : done.pop();
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
