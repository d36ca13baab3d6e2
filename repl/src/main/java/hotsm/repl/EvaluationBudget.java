package hotsm.repl;

import hotsm.compiler.ir.IrInterpreter;
import hotsm.compiler.ir.IrRuntimeError;

/**
 * What an expression typed at the prompt may spend: the fuel a node gives a
 * step ({@link hotsm.vm.node.NodeOptions#DEFAULT_FUEL}, or the session's), one
 * unit per IR term evaluated and per character built, so {@code g30 0} stops
 * as it would in a step instead of running on; and Ctrl-C, checked every few
 * thousand units.
 */
final class EvaluationBudget implements IrInterpreter.Budget {
    private static final long CHECK_EVERY = 4096;

    private final long fuel;
    private long spent;
    private long nextCheck = CHECK_EVERY;

    EvaluationBudget(long fuel) { this.fuel = fuel; }

    @Override public void charge(long units) {
        spent += units;
        if (spent > fuel) throw new IrRuntimeError("evaluation limit of " + fuel + " steps exceeded (a node's step limit)");
        if (spent >= nextCheck) {
            nextCheck = spent + CHECK_EVERY;
            Interrupted.check();
        }
    }
}
