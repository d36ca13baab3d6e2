package hotsm.vm.jit;

import hotsm.vm.value.Value;
import hotsm.vm.value.ValueSize;

/**
 * A machine's state kept between steps in the form its compiled class
 * computes with, so a step builds no state: an {@code Int} state is a
 * {@code long}, a pair of {@code Int}s two, and so on by the state's
 * {@link Layout} (up to four {@code long}s and four objects; anything else,
 * and every state of code the JIT did not compile, one {@link Value}).
 *
 * <p>A step ({@link #step}) returns only the output and leaves the new state
 * as the state, keeping the one before it for {@link #undo}: a caller that
 * refuses the step after it ran (an output over budget, a journal that could
 * not write) undoes it, so the state is exactly as before the step. A step
 * that fails (an error, fuel running out) changes nothing. The
 * {@link Value} of the state ({@link #state}) is built only when asked: for
 * snapshots, replies that show the state, upgrades, listeners.
 *
 * <p>Made by {@link StepCode#resident}; used by one thread at a time (a
 * node's machine thread). The fields are the compiled class's: its step
 * entry reads the leaves, and writes them back with the ones it read in the
 * undo copy.
 */
public final class ResidentState {
    // The state's leaves, in the layout's order: longs l0.., objects o0.. (unused ones stay 0 and null).
    long l0, l1, l2, l3;
    Value o0, o1, o2, o3;
    // The leaves before the last step, for undo().
    long ul0, ul1, ul2, ul3;
    Value uo0, uo1, uo2, uo3;

    private final StepCode code;
    /** The layout of the leaves: the compiled class's state layout, or one object on the interpreter. */
    final Layout layout;
    /** The compiled class steps run, or null: the interpreter, on the state as one object. */
    final JitEntry entry;
    private final int objects;
    /** The size of the layout's pairs and {@code Int}s in the wire encoding (what does not depend on the values). */
    private final long fixedSize;
    private int nextLong;
    private int nextObject;

    ResidentState(StepCode code, Layout layout, JitEntry entry, Value state) {
        this.code = code;
        this.layout = layout;
        this.entry = entry;
        int objs = 0;
        for (Layout.Leaf leaf : Layout.leaves(layout)) if (!leaf.isLong()) objs++;
        this.objects = objs;
        this.fixedSize = fixedSize(layout);
        load(state);
        keepForUndo();
    }

    /** Whether {@code state} can be kept in {@code layout}'s leaves. */
    static boolean fits(Layout layout, Value state) {
        if (layout instanceof Layout.Pr p) {
            return state instanceof Value.Pair pair && fits(p.first(), pair.first()) && fits(p.second(), pair.second());
        }
        return layout != Layout.LNG || state instanceof Value.Int;
    }

    /**
     * Runs one step on {@code input}: returns the output; the new state is
     * the state, the one before it kept for {@link #undo}. Same results,
     * errors and fuel as {@link StepCode#run}; a step that throws changes
     * nothing.
     */
    public Value step(Value input, long fuel) {
        JitEntry compiled = entry;
        if (compiled != null) {
            try {
                return compiled.step(input, this, fuel);   // inlined while HotSpot sees one class here (below)
            } catch (RuntimeException | StackOverflowError e) {
                // As in StepCode.run: the interpreter decides (the error, or the exact fuel boundary).
            }
        }
        return code.interpret(this, input, fuel);
    }

    // The call into the compiled class above is left to HotSpot's profile (unless -Dhotsm.jit.polymorphic=true,
    // PolymorphicSteps): with the one class a machine runs (a benchmark, a node between upgrades) the whole step
    // is inlined into the caller, its frame and state leaves in registers. A node's first upgrades bring new
    // classes to it, and HotSpot recompiles the caller (docs/performance.md, "The JIT tier").

    /** The state goes back to what it was before the last step (right after it, before any other). */
    public void undo() {
        l0 = ul0;
        l1 = ul1;
        l2 = ul2;
        l3 = ul3;
        o0 = uo0;
        o1 = uo1;
        o2 = uo2;
        o3 = uo3;
    }

    /**
     * Whether the last step changed the state: a {@code long} leaf by value,
     * an object leaf by identity (a state a step left as it was is the same
     * object). Every leaf is compared, without branches on the layout (unused
     * ones are equal), so a new version's layout meets no branch HotSpot
     * compiled as never taken.
     */
    public boolean changed() {
        return ((l0 ^ ul0) | (l1 ^ ul1) | (l2 ^ ul2) | (l3 ^ ul3)) != 0
                | o0 != uo0 | o1 != uo1 | o2 != uo2 | o3 != uo3;
    }

    /**
     * The size of the state as {@link ValueSize#of} counts it, or a number
     * over {@code cap} if it is larger, without building it.
     */
    public long size(long cap) {
        return objects == 0 ? fixedSize : objectsSize(cap);
    }

    private long objectsSize(long cap) {
        long size = fixedSize;
        for (int k = 0; k < objects && size <= cap; k++) size += ValueSize.of(object(k), cap - size);
        return size;
    }

    /** The state, built. */
    public Value state() {
        nextLong = 0;
        nextObject = 0;
        return get(layout);
    }

    // ---- between the leaves and a Value

    /** A step run on the interpreter left {@code state}: it becomes the state, the one before kept for undo(). */
    void stepTo(Value state) {
        if (!fits(layout, state)) {
            throw new IllegalStateException("the step left a state " + state + " that is not of the state's shape");
        }
        keepForUndo();
        load(state);
    }

    private void keepForUndo() {
        ul0 = l0;
        ul1 = l1;
        ul2 = l2;
        ul3 = l3;
        uo0 = o0;
        uo1 = o1;
        uo2 = o2;
        uo3 = o3;
    }

    private void load(Value state) {
        nextLong = 0;
        nextObject = 0;
        put(layout, state);
    }

    private void put(Layout l, Value v) {
        if (l instanceof Layout.Pr p) {
            Value.Pair pair = (Value.Pair) v;
            put(p.first(), pair.first());
            put(p.second(), pair.second());
        } else if (l == Layout.LNG) {
            setLong(nextLong++, ((Value.Int) v).value());
        } else {
            setObject(nextObject++, v);
        }
    }

    private Value get(Layout l) {
        if (l instanceof Layout.Pr p) {
            Value a = get(p.first());
            return new Value.Pair(a, get(p.second()));
        }
        if (l == Layout.LNG) return JitRuntime.integer(longAt(nextLong++));
        return object(nextObject++);
    }

    private static long fixedSize(Layout l) {
        if (l instanceof Layout.Pr p) return 1 + fixedSize(p.first()) + fixedSize(p.second());
        return l == Layout.LNG ? 9 : 0;
    }

    private long longAt(int k) {
        switch (k) {
            case 0: return l0;
            case 1: return l1;
            case 2: return l2;
            default: return l3;
        }
    }

    private Value object(int k) {
        switch (k) {
            case 0: return o0;
            case 1: return o1;
            case 2: return o2;
            default: return o3;
        }
    }

    private void setLong(int k, long n) {
        switch (k) {
            case 0: l0 = n; break;
            case 1: l1 = n; break;
            case 2: l2 = n; break;
            default: l3 = n; break;
        }
    }

    private void setObject(int k, Value v) {
        switch (k) {
            case 0: o0 = v; break;
            case 1: o1 = v; break;
            case 2: o2 = v; break;
            default: o3 = v; break;
        }
    }
}
