package hotsm.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code sm demo} end to end: a node in this process, the script through the REPL. */
class DemoTest {

    @Test void theDemoRunsTheSeedSessionAndSucceeds() {
        StringWriter text = new StringWriter();
        int status = Demo.run(Sessions.root(), new PrintWriter(text, true));
        List<String> out = text.toString().lines().toList();
        assertEquals(0, status, text.toString());
        assertTrue(out.contains("Counter1.counter@node> Incr"), text.toString());
        assertTrue(out.contains(Demo.NODE_MARK + "Output: Total 2"), text.toString());
        assertTrue(out.contains(Demo.NODE_MARK + "New state: (2, 4)"), text.toString());
        assertTrue(out.contains("The version running isn't the one the upgrade expects. Aborting upgrade."), text.toString());
        assertTrue(out.contains("Downgrade successful!"), text.toString());
        assertTrue(out.contains("Counter3.counter@node> Count3"), text.toString());
        assertTrue(out.contains("Total3 3"), text.toString());
        assertTrue(out.stream().noneMatch(l -> l.startsWith("error:")), text.toString());
        // The node's trace comes before the REPL prints the node's answer.
        int trace = out.indexOf(Demo.NODE_MARK + "Output: Total 2");
        assertEquals("Total 2", out.get(trace + 2));
    }

    @Test void withoutTheSamplesItSaysWhereItLooked() {
        StringWriter text = new StringWriter();
        int status = Demo.run(Sessions.root().resolve("nowhere"), new PrintWriter(text, true));
        assertEquals(1, status);
        assertTrue(text.toString().startsWith("sm demo: cannot find samples/counter/Counter1.sm"), text.toString());
    }
}
