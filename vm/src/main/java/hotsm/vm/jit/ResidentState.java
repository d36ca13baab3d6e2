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
 * <p>A step ({@link #step}) returns only the output. The new state it leaves
 * is <em>stepped</em>, not yet the state: {@link #accept} makes it the state,
 * and until then the state is what it was before the step. A step that fails
 * (an error, fuel running out, a refusal made by the caller after it) is
 * simply not accepted, so the state is exactly as before it. The
 * {@link Value} of the state ({@link #state}) or of the stepped state
 * ({@link #stepped}) is built only when asked: for snapshots, replies that
 * show the state, upgrades, listeners.
 *
 * <p>Made by {@link StepCode#resident}; used by one thread at a time (a
 * node's machine thread). The fields are the compiled class's: its step
 * entry reads the accepted leaves and writes the stepped ones.
 */
public final class ResidentState {
    // The accepted state's leaves, in the layout's order: longs l0.., objects o0..
    long l0, l1, l2, l3;
    Value o0, o1, o2, o3;
    // The stepped state's leaves, written by the last step.
    long pl0, pl1, pl2, pl3;
    Value po0, po1, po2, po3;

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
        load(state, false);
        load(state, true);
    }

    /** Whether {@code state} can be kept in {@code layout}'s leaves. */
    static boolean fits(Layout layout, Value state) {
        if (layout instanceof Layout.Pr p) {
            return state instanceof Value.Pair pair && fits(p.first(), pair.first()) && fits(p.second(), pair.second());
        }
        return layout != Layout.LNG || state instanceof Value.Int;
    }

    /**
     * Runs one step on {@code input} from the accepted state: returns the
     * output and leaves the new state stepped, not accepted. Same results,
     * errors and fuel as {@link StepCode#run}; on an error the stepped state
     * is undefined and must not be accepted.
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

    // The call into the compiled class above is left to HotSpot's profile: with the one class a machine runs
    // (a benchmark, a node between upgrades) the whole step is inlined into the caller and the frame and state
    // leaves stay in registers. A node's first upgrade brings a second class to it, and HotSpot recompiles the
    // caller once for both (docs/performance.md, "The JIT tier").

    /**
     * The last step's new state becomes the state. Every leaf is copied,
     * used or not (unused ones are equal in both): no branch on the layout,
     * so a new version's layout finds no untaken branch in code HotSpot has
     * compiled for the old one.
     */
    public void accept() {
        l0 = pl0;
        l1 = pl1;
        l2 = pl2;
        l3 = pl3;
        if (objects != 0) {   // reference stores cost GC barriers: skipped for an all-long state
            o0 = po0;
            o1 = po1;
            o2 = po2;
            o3 = po3;
        }
    }

    /** The accepted state, built. */
    public Value state() {
        return build(false);
    }

    /** The last step's new state, built (until the next step). */
    public Value stepped() {
        return build(true);
    }

    /**
     * Whether the last step's new state differs from the accepted state: a
     * {@code long} leaf by value, an object leaf by identity (a state a step
     * left as it was is the same object).
     */
    public boolean changed() {
        // Every leaf, without branches on the layout (as in accept): unused leaves are equal in both.
        return ((l0 ^ pl0) | (l1 ^ pl1) | (l2 ^ pl2) | (l3 ^ pl3)) != 0
                | o0 != po0 | o1 != po1 | o2 != po2 | o3 != po3;
    }

    /**
     * The size of the last step's new state as {@link ValueSize#of} counts
     * it, or a number over {@code cap} if it is larger, without building it.
     */
    public long steppedSize(long cap) {
        return objects == 0 ? fixedSize : objectsSize(cap);
    }

    private long objectsSize(long cap) {
        long size = fixedSize;
        for (int k = 0; k < objects && size <= cap; k++) size += ValueSize.of(object(k, true), cap - size);
        return size;
    }

    // ---- between the leaves and a Value

    /** Writes {@code state} into the stepped leaves (a step run on the interpreter). */
    void setStepped(Value state) {
        if (!fits(layout, state)) {
            throw new IllegalStateException("the step left a state " + state + " that is not of the state's shape");
        }
        load(state, true);
    }

    private void load(Value state, boolean pending) {
        nextLong = 0;
        nextObject = 0;
        put(layout, state, pending);
    }

    private void put(Layout l, Value v, boolean pending) {
        if (l instanceof Layout.Pr p) {
            Value.Pair pair = (Value.Pair) v;
            put(p.first(), pair.first(), pending);
            put(p.second(), pair.second(), pending);
        } else if (l == Layout.LNG) {
            setLong(nextLong++, ((Value.Int) v).value(), pending);
        } else {
            setObject(nextObject++, v, pending);
        }
    }

    private Value build(boolean pending) {
        nextLong = 0;
        nextObject = 0;
        return get(layout, pending);
    }

    private Value get(Layout l, boolean pending) {
        if (l instanceof Layout.Pr p) {
            Value a = get(p.first(), pending);
            return new Value.Pair(a, get(p.second(), pending));
        }
        if (l == Layout.LNG) return JitRuntime.integer(longAt(nextLong++, pending));
        return object(nextObject++, pending);
    }

    private static long fixedSize(Layout l) {
        if (l instanceof Layout.Pr p) return 1 + fixedSize(p.first()) + fixedSize(p.second());
        return l == Layout.LNG ? 9 : 0;
    }

    private long longAt(int k, boolean pending) {
        switch (k) {
            case 0: return pending ? pl0 : l0;
            case 1: return pending ? pl1 : l1;
            case 2: return pending ? pl2 : l2;
            default: return pending ? pl3 : l3;
        }
    }

    private Value object(int k, boolean pending) {
        switch (k) {
            case 0: return pending ? po0 : o0;
            case 1: return pending ? po1 : o1;
            case 2: return pending ? po2 : o2;
            default: return pending ? po3 : o3;
        }
    }

    private void setLong(int k, long n, boolean pending) {
        switch (k) {
            case 0: if (pending) pl0 = n; else l0 = n; break;
            case 1: if (pending) pl1 = n; else l1 = n; break;
            case 2: if (pending) pl2 = n; else l2 = n; break;
            default: if (pending) pl3 = n; else l3 = n; break;
        }
    }

    private void setObject(int k, Value v, boolean pending) {
        switch (k) {
            case 0: if (pending) po0 = v; else o0 = v; break;
            case 1: if (pending) po1 = v; else o1 = v; break;
            case 2: if (pending) po2 = v; else o2 = v; break;
            default: if (pending) po3 = v; else o3 = v; break;
        }
    }
}
