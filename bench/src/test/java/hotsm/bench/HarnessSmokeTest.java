package hotsm.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import hotsm.vm.value.ValuePrinter;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The harness works (no timing here: bench/run.sh measures): JMH's annotation
 * processor registered the benchmarks, the machines compile, and each
 * benchmark's four back ends compute the same outputs, the hand-written Java
 * machines included.
 */
class HarnessSmokeTest {

    @Test
    void jmhFoundTheBenchmarks() {
        assertNotNull(getClass().getResource("/META-INF/BenchmarkList"), "JMH's annotation processor did not run");
    }

    @Test
    void theCounterAgreesOnEveryBackEnd() {
        VmBench.Counter m = new VmBench.Counter();
        m.setup();
        var type = Machines.counter1().artifact().output();
        for (int i = 0; i < 7; i++) {
            int at = i % 3;
            String java = String.valueOf(m.java());
            m.next = at;
            String jit = ValuePrinter.print(type, m.jit());
            m.next = at;
            assertEquals(jit, ValuePrinter.print(type, m.cam()));
            m.next = at;
            assertEquals(jit, ValuePrinter.print(type, m.reference()));
            assertEquals(jit.equals("Ok") ? "Ok[]" : "Total[n=" + jit.substring("Total ".length()) + "]", java);
        }
    }

    @Test
    void theFoldAgreesOnEveryBackEnd() {
        VmBench.Fold m = new VmBench.Fold();
        m.setup();
        var type = Machines.fold().artifact().output();
        for (int i = 0; i < 3; i++) {
            m.next = i;
            String jit = ValuePrinter.print(type, m.jit());
            m.next = i;
            assertEquals(jit, ValuePrinter.print(type, m.cam()));
            m.next = i;
            assertEquals(jit, ValuePrinter.print(type, m.reference()));
            assertEquals("Total " + 500500 * (i + 1), jit);
        }
        org.junit.jupiter.api.Assertions.assertTrue(m.jit.compiled(), () -> "the JIT refused the fold: " + m.jit.refusal());
    }

    @Test
    void theHeavyMachineAgreesOnEveryBackEndWithItsJavaTwin() {
        VmBench.Heavy m = new VmBench.Heavy();
        m.setup();
        var type = Machines.heavy().artifact().output();
        List<String> inputs = Inputs.heavy();
        for (int i = 0; i < inputs.size() * 2; i++) {
            int at = i % inputs.size();
            String java = String.valueOf(m.java());
            m.next = at;
            String jit = ValuePrinter.print(type, m.jit());
            m.next = at;
            String cam = ValuePrinter.print(type, m.cam());
            m.next = at;
            String ref = ValuePrinter.print(type, m.reference());
            assertEquals(jit, cam, () -> "step " + at + " " + inputs.get(at));
            assertEquals(jit, ref, () -> "step " + at + " " + inputs.get(at));
            assertEquals(jit, java, () -> "step " + at + " " + inputs.get(at));
        }
    }
}
