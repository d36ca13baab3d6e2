package hotsm.compiler.programs;

import hotsm.compiler.ir.MachineIr;
import hotsm.vm.value.Value;

/**
 * Something that runs a machine of a test program: the reference IR
 * interpreter, the CAM, the JIT tier or a real node. Every engine must make
 * a program print the same transcript (its golden file).
 */
public interface Engine {
    /** How the engine is named in test names: {@code ir}, {@code cam}, {@code jit}, {@code node}. */
    String name();

    /** Run {@code machine} from its initial state. */
    Session start(MachineIr machine);

    /** One running machine. */
    interface Session extends AutoCloseable {
        /** One step: the output, or a RuntimeException whose message says why the step failed (the state is then unchanged). */
        Value step(Value input);

        /** The current state, in the current machine's state type. */
        Value state();

        /** Switch to {@code target} through its upgrade section from the running machine. */
        void upgrade(MachineIr target);

        /** Switch to {@code target} through the running machine's downgrade section to it. */
        void downgrade(MachineIr target);

        @Override default void close() {}
    }
}
