package hotsm.vm.jit;

import hotsm.vm.value.Meter;
import hotsm.vm.value.Value;

/**
 * The registers of one compiled run that outlive a block: the state register
 * and the fuel left. Compiled blocks read and write these fields directly; the
 * value register and the stack offset are JVM locals and arguments. Results
 * of block methods that are more than one value pass through its return slots.
 */
public final class JitFrame implements Meter {
    /**
     * The state register ({@code null} in pure code); for a class compiled
     * with a state layout of several leaves ({@link ResidentState}), its
     * first object leaf.
     */
    public Value state;
    /**
     * The state register's other leaves, for a class compiled with a state
     * layout ({@link ClassGenerator#stateLayout}): its {@code long}s, and its
     * objects after the first ({@link #state}), in the layout's order. GET
     * reads them, PUT writes them: an {@code Int} state is never built.
     */
    public long sl0, sl1, sl2, sl3;
    public Value so1, so2, so3;
    /** Fuel left; a compiled segment subtracts its instruction count on entry. */
    public long fuel;
    /**
     * A block method's result of several leaves ({@link Layout}): the
     * {@code long}s and the objects, in order, written just before it returns
     * and read by its caller just after, so no pair is built to carry them.
     */
    public long l0, l1, l2, l3;
    public Value o0, o1, o2, o3;
    /** How many of each of those there are. */
    static final int RETURN_SLOTS = 4;

    JitFrame(Value state, long fuel) {
        this.state = state;
        this.fuel = fuel;
    }

    /** Primitives charge their work here, as to the interpreter's meter. */
    @Override public void charge(long units) { JitRuntime.charge(this, units); }
}
