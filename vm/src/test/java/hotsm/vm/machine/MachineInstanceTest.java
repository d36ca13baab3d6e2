package hotsm.vm.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import hotsm.vm.bytecode.Artifact;
import hotsm.vm.bytecode.Identities;
import hotsm.vm.bytecode.UpgradeSection;
import hotsm.vm.testing.SampleArtifacts;
import hotsm.vm.value.Value;
import hotsm.vm.value.ValueParser;
import hotsm.vm.value.ValuePrinter;
import hotsm.vm.verify.VerifyException;
import java.util.List;
import org.junit.jupiter.api.Test;

class MachineInstanceTest {
    private static String step(MachineInstance m, String input) {
        Value out = m.step(ValueParser.parse(m.artifact().input(), input));
        return ValuePrinter.print(m.artifact().output(), out);
    }

    private static String state(MachineInstance m) {
        return ValuePrinter.print(m.artifact().state(), m.state());
    }

    @Test
    void counter1CountsIncrements() {
        MachineInstance m = new MachineInstance(SampleArtifacts.counter1());
        assertEquals("Ok", step(m, "Incr"));
        assertEquals("Ok", step(m, "Incr"));
        assertEquals("Total 2", step(m, "Count"));
        assertEquals("2", state(m));
        assertEquals(Identities.of(SampleArtifacts.counter1()), m.identity());
    }

    @Test
    void upgradeAndDowngradeByHandThroughSections() {
        MachineInstance m1 = new MachineInstance(SampleArtifacts.counter1());
        step(m1, "Incr");
        Artifact c2 = SampleArtifacts.counter2();
        UpgradeSection up = c2.upgrades().get(0);
        assertEquals(m1.identity(), up.from());
        Value migrated = MachineInstance.runPure(up.migration(), m1.state(), MachineInstance.DEFAULT_FUEL);
        MachineInstance m2 = new MachineInstance(c2, migrated, MachineInstance.DEFAULT_FUEL);
        assertEquals("(1, 1)", state(m2));
        step(m2, "Incr");
        assertEquals("Total 2", step(m2, "Count"));
        Value back = MachineInstance.runPure(c2.downgrades().get(0).migration(), m2.state(), 100);
        assertEquals(Value.of(2), back);
    }

    @Test
    void counter3ServesOldClientsThroughAdapters() {
        Artifact c3 = SampleArtifacts.counter3();
        MachineInstance m = new MachineInstance(c3, Value.pair(Value.of(5), Value.FALSE), 1000);
        UpgradeSection up = c3.upgrades().get(0);
        Value in = MachineInstance.runPure(up.inputAdapter().orElseThrow(), ValueParser.parse(SampleArtifacts.INPUT, "Incr"), 100);
        Value out = MachineInstance.runPure(up.outputAdapter().orElseThrow(), m.step(in), 100);
        assertEquals("Ok", ValuePrinter.print(SampleArtifacts.OUTPUT, out));
        assertEquals("Done", step(m, "Toggle"));
        assertEquals("Done", step(m, "Incr3"));
        assertEquals("Done", step(m, "Incr3"));
        assertEquals("Total3 4", step(m, "Count3"));
        assertEquals("(4, True)", state(m));
        assertEquals("Done", step(m, "Reset"));
        assertEquals("(0, False)", state(m));
    }

    @Test
    void aFailedStepLeavesTheStateAsItWas() {
        MachineInstance m = new MachineInstance(SampleArtifacts.divider());
        assertEquals("100", step(m, "10"));
        CamRuntimeError e = assertThrows(CamRuntimeError.class, () -> step(m, "0"));
        assertEquals("division by zero", e.getMessage());
        assertEquals("100", state(m));
        assertEquals("-50", step(m, "-2"));
    }

    @Test
    void runningOutOfFuelLeavesTheStateAsItWas() {
        MachineInstance m = new MachineInstance(SampleArtifacts.echo(), Value.of(7), 5);
        CamRuntimeError e = assertThrows(CamRuntimeError.class, () -> step(m, "\"abc\""));
        assertEquals("step limit of 5 instructions exceeded", e.getMessage());
        assertEquals("7", state(m));
        MachineInstance roomy = m.withState(Value.of(7));
        assertEquals(Value.of(7), roomy.state());
        MachineInstance big = new MachineInstance(SampleArtifacts.echo());
        assertEquals("\"abc3\"", step(big, "\"abc\""));
    }

    @Test
    void refusesUnverifiableArtifactsBadStatesAndBadInputs() {
        Artifact c1 = SampleArtifacts.counter1();
        Artifact broken = new Artifact(c1.name(), c1.input(), c1.output(), c1.state(), Value.UNIT, c1.step(), List.of(), List.of());
        assertThrows(VerifyException.class, () -> new MachineInstance(broken));
        assertThrows(IllegalArgumentException.class, () -> new MachineInstance(c1, Value.of("x"), 10));
        MachineInstance m = new MachineInstance(c1);
        assertThrows(IllegalArgumentException.class, () -> m.step(Value.of(1)));
        assertEquals(Value.of(0), m.state());
    }
}
