package hotsm.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * LANGUAGE.md §12: "A value of a million elements is built, stepped, printed, parsed, sent, compared
 * and hashed without a stack overflow." The REPL refused to print {@code List.range (1, 1000000)}
 * ("the value has more than 1000000 parts once printed (it shares them)"): its limit on printed parts,
 * there for values that share their parts, was no higher than a million elements need.
 */
class MillionElementsTest {

    @Test void aMillionElementListPrints() {
        List<String> out = Sessions.run("List.range (1, 1000000)");
        assertEquals(1, out.size());
        String line = out.get(0);
        assertTrue(line.startsWith("[1, 2, 3, "), line.substring(0, Math.min(80, line.length())));
        assertTrue(line.endsWith(", 999999, 1000000] : List Int"), line.substring(Math.max(0, line.length() - 80)));
    }
}
