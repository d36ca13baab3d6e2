package hotsm.vm.jit;

import hotsm.vm.types.Shape;
import hotsm.vm.value.Value;
import java.util.List;

/**
 * How a value crosses a method boundary of a compiled class (a block
 * method's parameter or result): a {@link Value} object, an {@code Int} as a
 * {@code long}, a constant (nothing passed), or a pair passed as its two
 * components' layouts. A {@link Rep} without its JVM locals.
 */
sealed interface Layout {
    /** A {@link Value} object. */
    Layout OBJ = new Leaf(false);
    /** An {@code Int} as a {@code long}. */
    Layout LNG = new Leaf(true);

    record Leaf(boolean isLong) implements Layout {}

    record Con(Value value) implements Layout {}

    record Pr(Layout first, Layout second) implements Layout {}

    /** Results of more than this many {@code long}s or objects are passed as one object (see {@link JitFrame}). */
    int RETURN_SLOTS = JitFrame.RETURN_SLOTS;
    /** Parameters of more than this many leaves are passed as one object. */
    int MAX_PARAMS = 24;

    /** The layout of {@code r}: its structure (a sum, unless constant, is passed built). */
    static Layout of(Rep r) {
        if (r instanceof Rep.Obj) return OBJ;
        if (r instanceof Rep.Lng) return LNG;
        if (r instanceof Rep.Con c) return new Con(c.value());
        if (r instanceof Rep.Pr p) return new Pr(of(p.first()), of(p.second()));
        return OBJ;
    }

    /** The layout a declared shape is passed in: pairs as components, {@code Int}s as {@code long}s. */
    static Layout of(Shape s) {
        if (s instanceof Shape.Int) return LNG;
        if (s instanceof Shape.Pair p) return new Pr(of(p.first()), of(p.second()));
        return OBJ;
    }

    /**
     * The layout a compiled class keeps a state of {@code shape} in between
     * steps ({@link ResidentState}): pairs as components and {@code Int}s as
     * {@code long}s, in up to {@link #RETURN_SLOTS} of each; else (and for no
     * shape: pure code) one object.
     */
    static Layout forState(Shape shape) {
        return shape == null ? OBJ : forResult(of(shape));
    }

    /** A layout both of two results fit: the same where they agree, {@code long} for two Ints, else an object. */
    static Layout merge(Layout a, Layout b) {
        if (a.equals(b)) return a;
        if (a instanceof Pr p && b instanceof Pr q) return new Pr(merge(p.first(), q.first()), merge(p.second(), q.second()));
        if (isInt(a) && isInt(b)) return LNG;
        return OBJ;
    }

    private static boolean isInt(Layout l) {
        return l == LNG || l instanceof Con c && c.value() instanceof Value.Int;
    }

    /** {@code l}, or an object if it has more leaves than a method's parameters should take. */
    static Layout forParams(Layout l) {
        return leaves(l).size() > MAX_PARAMS ? OBJ : l;
    }

    /** {@code l}, or an object if a method cannot return it through the frame's slots. */
    static Layout forResult(Layout l) {
        List<Leaf> ls = leaves(l);
        long longs = ls.stream().filter(Leaf::isLong).count();
        return longs > RETURN_SLOTS || ls.size() - longs > RETURN_SLOTS ? OBJ : l;
    }

    /** The leaves passed, in order (constants pass nothing). */
    static List<Leaf> leaves(Layout l) {
        List<Leaf> out = new java.util.ArrayList<>();
        collect(l, out);
        return out;
    }

    private static void collect(Layout l, List<Leaf> out) {
        if (l instanceof Leaf leaf) {
            out.add(leaf);
        } else if (l instanceof Pr p) {
            collect(p.first(), out);
            collect(p.second(), out);
        }
    }

    /** The JVM descriptor of the leaves, in order. */
    static String descriptor(Layout l) {
        StringBuilder b = new StringBuilder();
        for (Leaf leaf : leaves(l)) b.append(leaf.isLong() ? "J" : JitNames.VALUE_D);
        return b.toString();
    }

    /** The JVM return type: void (no leaf or several, through the frame), the one leaf's type otherwise. */
    static String returnDescriptor(Layout l) {
        List<Leaf> ls = leaves(l);
        return ls.size() != 1 ? "V" : ls.get(0).isLong() ? "J" : JitNames.VALUE_D;
    }
}
