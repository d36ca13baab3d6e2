package hotsm.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Scripted sessions against a machine running in the REPL's process, checked
 * line by line; the plain step/expression/command sessions are transcripts
 * (repl/src/test/resources/repl/transcripts: local, expressions, nothing_loaded).
 */
class LocalSessionTest {

    private static final String LOAD = ":load samples/counter/Counter1.sm";

    @Test void aWrongValueGetsACaretUnderItsColumnAndTheExpectedType() {
        List<String> out = Sessions.run(true, LOAD, "  Incrr", ":type 1 + \"a\"");
        String prompt = "Counter1.counter> ";
        assertEquals(List.of(
                prompt + "  Incrr",
                " ".repeat(prompt.length() + 2) + "^",
                "error: unknown constructor 'Incrr' of type Input; did you mean 'Incr'?",
                prompt + ":type 1 + \"a\"",
                " ".repeat(prompt.length() + ":type 1 + ".length()) + "^"),
                out.subList(2, 7));
        assertTrue(out.get(7).startsWith("error: ") && out.get(7).contains("String"), out.get(7));
        assertEquals(8, out.size(), out.toString());
    }

    @Test void anExpressionThatFailsWhenRunIsNotMistakenForAValue() {
        List<String> out = Sessions.run(LOAD, "10 / 0", ":state");
        assertTrue(out.get(1).startsWith("error: ") && out.get(1).contains("zero"), out.toString());
        assertEquals(List.of("0"), out.subList(2, out.size()));
    }

    @Test void withoutAPromptOnScreenTheValueIsShownAboveTheCaret() {
        List<String> out = Sessions.run(LOAD, "Incrr");
        assertEquals(List.of("  Incrr", "  ^"), out.subList(1, 3));
        assertTrue(out.get(3).startsWith("error: ") && out.get(3).contains("Input"), out.get(3));
        assertEquals(4, out.size(), out.toString());
    }

    @Test void compileErrorsArePrintedWithTheirCaretsAndNoTrace() {
        List<String> out = Sessions.run(":load repl/src/test/resources/repl/Broken.sm");
        assertTrue(out.get(0).matches(".*Broken\\.sm:\\d+:\\d+: error: .*"), out.toString());
        assertTrue(out.stream().anyMatch(l -> l.strip().equals("^") || l.strip().startsWith("^")), out.toString());
        assertTrue(out.stream().noneMatch(l -> l.contains("Exception") || l.contains("\tat ")), out.toString());
    }

    @Test void irAndBytecodeListTheMachine() {
        List<String> ir = Sessions.run(LOAD, ":ir");
        assertTrue(ir.size() > 2, ir.toString());
        List<String> bytecode = Sessions.run(LOAD, ":bytecode counter");
        assertTrue(bytecode.stream().anyMatch(l -> l.contains("Counter1.counter")), bytecode.toString());
    }

    @Test void theLoadedMachineIsHotUpgradedInProcessToo() {
        List<String> out = Sessions.run(true, LOAD, "Incr", "Incr", ":upgrade Counter2", "Incr", "Count",
                ":upgrade Counter2", ":downgrade", "Count", ":history", ":reset");
        assertEquals(List.of(
                "Counter1.counter> Incr", "Ok", "New state: 1",
                "Counter1.counter> Incr", "Ok", "New state: 2",
                "Counter1.counter> :upgrade Counter2", "Upgrade successful!",
                "Counter2.counter> Incr", "Ok", "New state: (2, 3)",
                "Counter2.counter> Count", "Total 3", "New state: (2, 3)",
                "Counter2.counter> :upgrade Counter2",
                "The version running isn't the one the upgrade expects. Aborting upgrade.",
                "The node already runs Counter2.counter 0c0749b2, the machine this artifact installs;"
                        + " its upgrade section is from Counter1.counter dd23c603.",
                "Counter2.counter> :downgrade", "Downgrade successful!",
                "Counter1.counter> Count", "Total 3", "New state: 3",
                "Counter1.counter> :history"),
                out.subList(2, 25));
        assertEquals(3, out.subList(25, out.size() - 2).size(), out.toString());
        assertEquals(List.of("Counter1.counter> :reset", "Reset: Counter1.counter : Input -> Output, state Int = 0"),
                out.subList(out.size() - 2, out.size()));
    }

    @Test void withSeveralMachinesTheFirstRunsAndMachinePicksAnother() {
        assertEquals(List.of(
                "Loaded Two.sm: running Two.up : Int -> Int, state Int = 0",
                "Other machines: Two.echo (:machine NAME switches)",
                "5", "New state: 5",
                "3 : Int",
                "Running Two.echo : String -> String, state () = ()",
                "\"hihi\"", "New state: ()",
                "  up",
                "  ^",
                "error: unbound variable 'up'"),
                Sessions.run(":load repl/src/test/resources/repl/Two.sm", "5", "1 + 2", ":machine echo", "\"hi\"", "up"));
    }

    @Test void helpListsEveryCommand() {
        List<String> out = Sessions.run(":help");
        for (Command c : Commands.ALL) {
            assertTrue(out.stream().anyMatch(l -> l.strip().startsWith(c.synopsis())), c.name());
        }
        assertEquals(List.of(":upgrade FILE [MACHINE]  hot-upgrade the machine (node or local) to FILE.sm or FILE.cam"),
                Sessions.run(":help upgrade"));
    }
}
