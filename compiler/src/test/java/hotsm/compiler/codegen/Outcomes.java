package hotsm.compiler.codegen;

import hotsm.compiler.ir.IrInterpreter;
import hotsm.compiler.ir.IrRuntimeError;
import hotsm.compiler.ir.RandomTerms;
import hotsm.vm.bytecode.Code;
import hotsm.vm.jit.JitCode;
import hotsm.vm.machine.Cam;
import hotsm.vm.machine.CamRuntimeError;
import hotsm.vm.value.Value;

/**
 * The harness the back-end agreement properties share: a random sample run
 * on the reference IR interpreter, the CAM and the JIT, each reduced to an
 * {@link Outcome} that must be equal across back ends.
 */
final class Outcomes {
    /** The one default step limit, a node's. */
    static final long FUEL = hotsm.vm.node.NodeOptions.DEFAULT_FUEL;

    private Outcomes() {}

    /** What a run did: its output and new state, or that it stopped with a run-time error (messages differ by back end). */
    record Outcome(Value value, Value state, boolean failed) {
        static final Outcome FAILED = new Outcome(null, null, true);

        static Outcome of(Value value, Value state) { return new Outcome(value, state, false); }
    }

    static Outcome reference(RandomTerms.Sample s) {
        try {
            IrInterpreter.Result r = IrInterpreter.run(s.term(), s.argument(), s.state());
            return Outcome.of(r.value(), r.state());
        } catch (IrRuntimeError e) {
            return Outcome.FAILED;
        }
    }

    static Outcome cam(Code code, BlockTable blocks, RandomTerms.Sample s) {
        try {
            Cam.Result r = Cam.run(code, blocks.blocks(), s.argument(), s.state(), FUEL);
            return Outcome.of(r.value(), r.state());
        } catch (CamRuntimeError e) {
            return Outcome.FAILED;
        }
    }

    static Outcome jit(JitCode jit, RandomTerms.Sample s) {
        try {
            Cam.Result r = jit.run(s.argument(), s.state(), FUEL);
            return Outcome.of(r.value(), r.state());
        } catch (CamRuntimeError e) {
            return Outcome.FAILED;
        }
    }
}
