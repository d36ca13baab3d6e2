package hotsm.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The one rule for picking a machine by a typed name, case by case, with its wording. */
class MachineNamesTest {
    private static final List<String> ONE_FILE = List.of("Counter1.counter", "Counter1.other");
    private static final List<String> TWO_MODULES = List.of("A.counter", "B.counter", "B.solo");

    @Test void anExactQualifiedNameIsThatMachine() {
        assertEquals("Counter1.other", MachineNames.resolve("Counter1.other", ONE_FILE, "F.sm"));
        assertEquals("B.counter", MachineNames.resolve("B.counter", TWO_MODULES, "F.sm"));
    }

    @Test void aBareNameThatOnlyOneMachineEndsWithIsThatMachine() {
        assertEquals("Counter1.counter", MachineNames.resolve("counter", ONE_FILE, "F.sm"));
        assertEquals("B.solo", MachineNames.resolve("solo", TWO_MODULES, "F.sm"));
    }

    @Test void aSuffixMatchesWholeNamesOnly() {
        // "ounter" is the end of "counter" but not a name: no machine, and no silent match.
        MachineNames.NotFound e = assertThrows(MachineNames.NotFound.class,
                () -> MachineNames.resolve("ounter", ONE_FILE, "F.sm"));
        assertTrue(e.getMessage().startsWith("F.sm has no machine 'ounter'"), e.getMessage());
    }

    @Test void aBareNameSeveralMachinesHaveIsAmbiguousNotTheFirst() {
        MachineNames.NotFound e = assertThrows(MachineNames.NotFound.class,
                () -> MachineNames.resolve("counter", TWO_MODULES, "a.sm and b.sm"));
        assertEquals("'counter' is ambiguous in a.sm and b.sm: it names A.counter, B.counter; give the one meant in full",
                e.getMessage());
        assertEquals(Optional.empty(), MachineNames.find("counter", TWO_MODULES));
    }

    @Test void aMissingNameSaysWhatIsThereAndTheClosest() {
        assertEquals("F.sm has no machine 'countr'; did you mean 'Counter1.counter'? (it defines Counter1.counter,"
                + " Counter1.other)", assertThrows(MachineNames.NotFound.class,
                () -> MachineNames.resolve("countr", ONE_FILE, "F.sm")).getMessage());
        assertEquals("F.sm has no machine 'Counter1.countr'; did you mean 'Counter1.counter'? (it defines"
                + " Counter1.counter, Counter1.other)", assertThrows(MachineNames.NotFound.class,
                () -> MachineNames.resolve("Counter1.countr", ONE_FILE, "F.sm")).getMessage());
        assertEquals("F.sm has no machine 'vending' (it defines Counter1.counter, Counter1.other)",
                assertThrows(MachineNames.NotFound.class, () -> MachineNames.resolve("vending", ONE_FILE, "F.sm"))
                        .getMessage());
    }

    @Test void aFileWithoutMachinesSaysSo() {
        assertEquals("F.sm defines no machine",
                assertThrows(MachineNames.NotFound.class, () -> MachineNames.resolve("m", List.of(), "F.sm")).getMessage());
        assertEquals("F.sm defines several machines (Counter1.counter, Counter1.other); pick one with --machine NAME",
                MachineNames.several(ONE_FILE, "F.sm", "pick one with --machine NAME"));
    }
}
