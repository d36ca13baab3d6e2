package hotsm.vm.node;

import static hotsm.vm.node.CounterArtifacts.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import hotsm.vm.types.TypeDesc;
import hotsm.vm.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The words of the step trace (told on the machine thread before each answer), and that a line is printed only when its sink asks. */
class StepTraceTest {

    @Test void aNodesTraceOfASessionWithAFailedStepAndAnUpgrade() {
        List<String> lines = new ArrayList<>();
        try (Node node = Node.start(counter1(), NodeOptions.defaults().withListener(StepTrace.to(lines::add)))) {
            node.step(INCR).join();
            node.step(COUNT).join();
            node.step(Value.of(7)).exceptionally(e -> null).join();
            node.upgrade(counter2()).join();
            node.upgrade(counter2()).exceptionally(e -> null).join();
        }
        assertEquals(List.of(
                "Output: Ok", "New state: 1",
                "Output: Total 1", "New state: 1",
                "Error: The input is not a value of type Input (expected shape () + ()).",
                VersionChange.UPGRADE_SUCCESSFUL, NAME1 + " " + id1().shortHex() + " -> " + NAME2 + " " + id2().shortHex(),
                VersionChange.WRONG_VERSION), lines);
    }

    @Test void linesAreHandedOverUnprinted() {
        List<Supplier<String>> lines = new ArrayList<>();
        StepTrace trace = lines::add;
        trace.stepped(TypeDesc.INT, Value.of(-3), TypeDesc.STR, Value.of("a\u001bb"));
        assertEquals(2, lines.size());
        assertEquals("Output: -3", lines.get(0).get());
        assertEquals("New state: \"a\\u001bb\"", lines.get(1).get());
        assertEquals("Output: -3", StepTrace.output(TypeDesc.INT, Value.of(-3)));
        assertEquals("New state: \"a\\u001bb\"", StepTrace.newState(TypeDesc.STR, Value.of("a\u001bb")));
    }
}
