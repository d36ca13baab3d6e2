package hotsm.cli.sm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Issue 15 writes the option as {@code sm node --trust NAME.pub…}: several keys may follow one
 * {@code --trust} (as {@code smc keygen} names them, {@code NAME.pub}), as well as one per
 * {@code --trust}; the FILE after them is still the node's file. {@code sm node FILE --trust a.pub b.pub}
 * was a usage error ("Unmatched argument").
 */
class TrustKeysOptionTest {

    private static NodeCommand parse(String... args) {
        NodeCommand node = new NodeCommand();
        new CommandLine(node).parseArgs(args);
        return node;
    }

    @Test void severalKeysMayFollowOneTrust() {
        NodeCommand n = parse("Counter1.counter.cam", "--trust", "a.pub", "b.pub");
        assertEquals(List.of(Path.of("a.pub"), Path.of("b.pub")), n.trust);
        assertEquals(Path.of("Counter1.counter.cam"), n.file);
    }

    @Test void theFileAfterTheKeysIsTheNodesFile() {
        NodeCommand n = parse("--trust", "a.pub", "b.pub", "Counter1.counter.cam", "--port", "0");
        assertEquals(List.of(Path.of("a.pub"), Path.of("b.pub")), n.trust);
        assertEquals(Path.of("Counter1.counter.cam"), n.file);
        NodeCommand one = parse("--trust", "a.pub", "Counter1.counter.cam");
        assertEquals(List.of(Path.of("a.pub")), one.trust);
        assertEquals(Path.of("Counter1.counter.cam"), one.file);
    }

    @Test void oneKeyPerTrustStillWorks() {
        NodeCommand n = parse("--trust=a.pub", "--trust", "keys/b.pub", "--data-dir", "d");
        assertEquals(List.of(Path.of("a.pub"), Path.of("keys/b.pub")), n.trust);
        assertNull(n.file);
        assertEquals(List.of(Path.of("k")), parse("--trust", "k", "F.cam").trust);   // a key file of any name, alone
    }

    @Test void trustNeedsAKey() {
        assertThrows(CommandLine.ParameterException.class, () -> parse("F.cam", "--trust"));
    }
}
