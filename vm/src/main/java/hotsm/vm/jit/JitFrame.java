package hotsm.vm.jit;

import hotsm.vm.value.Meter;
import hotsm.vm.value.Value;

/**
 * The registers of one compiled run that outlive a block: the state register
 * and the fuel left. Compiled blocks read and write these fields directly; the
 * value register and the stack offset are JVM locals and arguments.
 */
public final class JitFrame implements Meter {
    /** The state register ({@code null} in pure code). */
    public Value state;
    /** Fuel left; a compiled segment subtracts its instruction count on entry. */
    public long fuel;

    JitFrame(Value state, long fuel) {
        this.state = state;
        this.fuel = fuel;
    }

    /** Primitives charge their work here, as to the interpreter's meter. */
    @Override public void charge(long units) { JitRuntime.charge(this, units); }
}
