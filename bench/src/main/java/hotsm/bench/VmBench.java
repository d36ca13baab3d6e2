package hotsm.bench;

import hotsm.compiler.ir.IrInterpreter;
import hotsm.compiler.ir.Term;
import hotsm.vm.jit.ResidentState;
import hotsm.vm.jit.StepCode;
import hotsm.vm.machine.Cam;
import hotsm.vm.machine.LoadedCode;
import hotsm.vm.value.Value;
import hotsm.vm.value.ValueParser;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One step of a machine, four ways: written by hand in Java, on the JIT tier,
 * on the CAM interpreter, and on the compiler's reference IR interpreter.
 * Each benchmark cycles through a fixed input sequence and threads the state
 * from step to step, as a node does. Time per step (ns/op).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class VmBench {
    private static final long FUEL = hotsm.vm.node.NodeOptions.DEFAULT_FUEL;

    /** A machine on all four back ends, each with its own state. */
    public abstract static class Machine {
        Value[] inputs;
        LoadedCode interpreted;
        StepCode jit;
        /** The JIT tier's state, kept as a node's machine thread keeps it (unbuilt between steps). */
        ResidentState jitState;
        Term term;
        Value camState;
        Value refState;
        int next;

        void load(Machines.Compiled m, List<String> text) {
            inputs = text.stream().map(t -> ValueParser.parse(m.artifact().input(), t)).toArray(Value[]::new);
            interpreted = LoadedCode.load(m.artifact().step(), m.artifact().blocks());
            jit = StepCode.forStep(m.artifact());
            if (!jit.compiled()) throw new IllegalStateException("the JIT refused the step: " + jit.refusal());
            term = m.ir().step();
            camState = refState = m.artifact().initialState();
            jitState = jit.resident(m.artifact().initialState());
        }

        Value input() {
            Value v = inputs[next];
            next = next + 1 == inputs.length ? 0 : next + 1;
            return v;
        }

        public Value cam() {
            Cam.Result r = Cam.run(interpreted, input(), camState, FUEL);
            camState = r.state();
            return r.value();
        }

        /** A step as a node's machine thread runs it: on the resident state, which it leaves as the new state. */
        public Value jit() {
            return jitState.step(input(), FUEL);
        }

        public Value reference() {
            IrInterpreter.Result r = IrInterpreter.run(term, input(), refState);
            refState = r.state();
            return r.value();
        }
    }

    @State(Scope.Thread)
    public static class Counter extends Machine {
        JavaCounter java;
        JavaCounter.Input[] javaInputs;

        @Setup public void setup() {
            load(Machines.counter1(), Inputs.COUNTER);
            java = new JavaCounter();
            javaInputs = Inputs.COUNTER.stream().map(t -> t.equals("Incr") ? JavaCounter.Input.INCR
                    : JavaCounter.Input.COUNT).toArray(JavaCounter.Input[]::new);
        }

        public Object java() {
            JavaCounter.Input i = javaInputs[next];
            next = next + 1 == javaInputs.length ? 0 : next + 1;
            return java.step(i);
        }
    }

    @State(Scope.Thread)
    public static class Heavy extends Machine {
        JavaHeavy java;
        JavaHeavy.Input[] javaInputs;

        @Setup public void setup() {
            load(Machines.heavy(), Inputs.heavy());
            java = new JavaHeavy();
            javaInputs = Inputs.heavy().stream().map(JavaHeavy::parse).toArray(JavaHeavy.Input[]::new);
        }

        public Object java() {
            JavaHeavy.Input i = javaInputs[next];
            next = next + 1 == javaInputs.length ? 0 : next + 1;
            return java.step(i);
        }
    }

    /** {@code Fold.sm}: each step folds over the 1,000 elements of its state. */
    @State(Scope.Thread)
    public static class Fold extends Machine {
        /** Elements per step. */
        static final int ELEMENTS = 1000;

        @Setup public void setup() {
            load(Machines.fold(), List.of("Sum 1", "Sum 2", "Sum 3"));
        }
    }

    @Benchmark public Value foldJit(Fold m) { return m.jit(); }

    @Benchmark public Value foldCam(Fold m) { return m.cam(); }

    @Benchmark public Object counterJava(Counter m) { return m.java(); }

    @Benchmark public Value counterJit(Counter m) { return m.jit(); }

    @Benchmark public Value counterCam(Counter m) { return m.cam(); }

    @Benchmark public Value counterReference(Counter m) { return m.reference(); }

    @Benchmark public Object heavyJava(Heavy m) { return m.java(); }

    @Benchmark public Value heavyJit(Heavy m) { return m.jit(); }

    @Benchmark public Value heavyCam(Heavy m) { return m.cam(); }

    @Benchmark public Value heavyReference(Heavy m) { return m.reference(); }
}
