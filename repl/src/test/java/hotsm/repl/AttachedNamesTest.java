package hotsm.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import hotsm.vm.node.Node;
import hotsm.vm.node.NodeOptions;
import hotsm.vm.protocol.NodeServer;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Attached to a node with no file loaded, the REPL knows the node's machine and types (its prompt,
 * value parsing and completion use them), and {@code :type} / {@code :info} of its constructors,
 * data types and machine answer from them (issue 13: ":info NAME (types, constructors, functions,
 * machines)", ":type of constructors and machines"); they said "unknown constructor 'Incr3'" and
 * "nothing named Input3 in scope". A loaded file's names still come first.
 */
class AttachedNamesTest {

    @Test void typeAndInfoOfTheNodesNames() throws Exception {
        LoadedProgram counter3 = LoadedProgram.compile(Sessions.root().resolve(Path.of("samples", "counter", "Counter3.sm")));
        try (Node node = Node.start(counter3.artifact("Counter3.counter"), NodeOptions.defaults());
             NodeServer server = NodeServer.start(node, InetAddress.getLoopbackAddress(), 0)) {
            List<String> out = Sessions.run(":connect " + server.hostPort(),
                    ":type Incr3", ":type Total3", ":type counter", ":type Counter3.counter",
                    ":info Input3", ":info Total3", ":i counter", ":info Bool", ":info Nope", ":type Nope");
            assertEquals(List.of(
                    "Incr3 : Input3",
                    "Total3 : Int -> Output3",
                    "counter : machine Input3 -> Output3, state (Int, Bool)",
                    "Counter3.counter : machine Input3 -> Output3, state (Int, Bool)",
                    "data Input3 = Reset | Toggle | Incr3 | Count3    -- a data type of the node's machine",
                    "Total3 : Int -> Output3    -- a constructor of data Output3 = Done | Total3 Int",
                    "machine Counter3.counter : Input3 -> Output3, state (Int, Bool)    -- the node's machine",
                    "data Bool = False | True    -- a data type, defined in Prelude",
                    "error: nothing named Nope in scope",
                    "  Nope",
                    "  ^",
                    "error: unknown constructor 'Nope'"),
                    out.subList(1, out.size()));
        }
    }
}
