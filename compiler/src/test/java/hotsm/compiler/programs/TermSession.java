package hotsm.compiler.programs;

import hotsm.compiler.ir.MachineIr;
import hotsm.compiler.ir.Term;
import hotsm.vm.value.Value;

/**
 * A session of an engine that runs terms itself (the IR interpreter, the CAM,
 * the JIT): it keeps the state and runs migrations as terms, as a node would.
 */
abstract class TermSession implements Engine.Session {
    private MachineIr machine;
    private Value state;

    TermSession(MachineIr machine) {
        this.machine = machine;
        this.state = machine.initialState();
    }

    /** One step of {@code machine}'s step code: output and new state. */
    protected abstract Value[] step(MachineIr machine, Value input, Value state);

    /** A pure term (a migration) on {@code argument}. */
    protected abstract Value run(Term term, Value argument);

    @Override public Value step(Value input) {
        Value[] r = step(machine, input, state);
        state = r[1];
        return r[0];
    }

    @Override public Value state() { return state; }

    @Override public void upgrade(MachineIr target) {
        for (MachineIr.UpgradeIr u : target.upgrades()) {
            if (u.from().name().equals(machine.name())) {
                state = run(u.migration(), state);
                machine = target;
                return;
            }
        }
        throw new AssertionError(target.name() + " has no upgrade from " + machine.name());
    }

    @Override public void downgrade(MachineIr target) {
        for (MachineIr.DowngradeIr down : machine.downgrades()) {
            if (down.to().name().equals(target.name())) {
                state = run(down.migration(), state);
                machine = target;
                return;
            }
        }
        throw new AssertionError(machine.name() + " has no downgrade to " + target.name());
    }
}
