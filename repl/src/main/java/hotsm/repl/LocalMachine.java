package hotsm.repl;

import hotsm.vm.bytecode.Artifact;
import hotsm.vm.bytecode.Identities;
import hotsm.vm.machine.CamRuntimeError;
import hotsm.vm.machine.MachineInstance;
import hotsm.vm.types.TypeDesc;
import hotsm.vm.value.Value;
import java.util.List;

/**
 * A machine running in the REPL's own process, on the CAM: its artifact and
 * current state. A step prints its output and the new state; a failed step
 * (division by zero, step limit) leaves the state as it was.
 */
final class LocalMachine implements Target {
    private final Artifact artifact;
    private MachineInstance instance;

    LocalMachine(Artifact artifact) {
        this.artifact = artifact;
        this.instance = new MachineInstance(artifact);
    }

    @Override public String machineName() { return artifact.name(); }

    @Override public TypeDesc inputType() { return artifact.input(); }

    @Override public List<String> step(Value input) throws ReplError {
        Value output;
        try {
            output = instance.step(input);
        } catch (CamRuntimeError e) {
            throw ReplError.of("step failed, state unchanged: " + ReplSession.oneLine(e));
        }
        return List.of(Values.print(artifact.output(), output), "New state: " + state());
    }

    @Override public String state() { return Values.print(artifact.state(), instance.state()); }

    /** Back to the initial state. */
    void reset() { instance = new MachineInstance(artifact); }

    Artifact artifact() { return artifact; }

    @Override public String describe() {
        return artifact.name() + " : " + artifact.input() + " -> " + artifact.output()
                + ", state " + artifact.state() + " = " + Values.print(artifact.state(), artifact.initialState());
    }

    List<String> info() {
        return List.of(
                "machine  " + artifact.name() + " (local)",
                "identity " + Identities.of(artifact).hex(),
                "input    " + Values.describeType(artifact.input()),
                "output   " + Values.describeType(artifact.output()),
                "state    " + Values.describeType(artifact.state()) + ", now " + state());
    }
}
