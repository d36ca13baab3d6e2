package hotsm.cli.sm;

import hotsm.cli.MachineFiles;
import static org.junit.jupiter.api.Assertions.assertEquals;

import hotsm.vm.bytecode.Artifact;
import hotsm.vm.bytecode.Identity;
import hotsm.vm.node.Node;
import hotsm.vm.node.NodeOptions;
import hotsm.vm.protocol.HostPort;
import hotsm.vm.protocol.NodeClient;
import hotsm.vm.protocol.NodeServer;
import hotsm.vm.value.ValueParser;
import hotsm.vm.value.ValuePrinter;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Upgrades across the types of language v2 (LANGUAGE.md §12–14) on a real
 * node over loopback: a migration that turns a list of records into a map
 * and adds a field (the cart), one that {@code Map.map}s the old state into
 * records with more fields (the token buckets), one that folds a map into a
 * record (the word count), and the downgrades back, with list and record
 * inputs sent over the wire.
 */
class CollectionSampleUpgradesTest {
    private static final Path SAMPLES = Path.of(System.getProperty("hotsm.root", "."), "samples");

    private static Artifact compile(String file) {
        return MachineFiles.compile(List.of(SAMPLES.resolve(file)), List.of()).artifacts().get(0).artifact();
    }

    /** A client of one node: steps print their outputs, and the state prints in source syntax. */
    private record Session(NodeClient client) {
        String send(String input) throws Exception {
            var type = client.info().input();
            var r = client.step(ValueParser.parse(type, input));
            return ValuePrinter.print(r.outputType(), r.output());
        }

        String sendAs(Identity old, Artifact oldArtifact, String input) throws Exception {
            var r = client.step(ValueParser.parse(oldArtifact.input(), input), old);
            return ValuePrinter.print(r.outputType(), r.output());
        }

        String state() throws Exception {
            var s = client.state();
            return ValuePrinter.print(s.type(), s.value());
        }
    }

    private static void withNode(Artifact first, ThrowingConsumer<Session> body) throws Exception {
        try (Node node = Node.start(first, NodeOptions.defaults());
             NodeServer server = NodeServer.start(node, InetAddress.getLoopbackAddress(), 0);
             NodeClient client = NodeClient.connect(HostPort.parse(server.hostPort()))) {
            body.accept(new Session(client));
        }
    }

    interface ThrowingConsumer<T> {
        void accept(T t) throws Exception;
    }

    @Test
    void theCartsListOfRecordsBecomesAMapWithANewFieldAndBack() throws Exception {
        Artifact v1 = compile("cart/Cart.sm");
        Artifact v2 = compile("cart/Cart2.sm");
        withNode(v1, s -> {
            assertEquals("Added 1", s.send("Add (Line { sku = \"apple\", qty = 2, price = 50 })"));
            assertEquals("Added 2", s.send("Add (Line { price = 80, qty = 1, sku = \"pear\" })"));
            Identity old = s.client().info().identity();
            assertEquals("Upgrade successful!", s.client().upgrade(v2).message());
            assertEquals("Map.fromList [(\"apple\", Item { qty = 2, price = 50, discount = 0 }), "
                    + "(\"pear\", Item { qty = 1, price = 80, discount = 0 })]", s.state());
            assertEquals("Discounted True", s.send("Discount (\"apple\", 10)"));
            assertEquals("Total2 170", s.send("Checkout2"));
            // a client of version 1 still speaks its interface through the adapters
            assertEquals("Total 170", s.sendAs(old, v1, "Checkout"));
            assertEquals("Downgrade successful!", s.client().downgrade().message());
            assertEquals("[Line { sku = \"apple\", qty = 2, price = 50 }, Line { sku = \"pear\", qty = 1, price = 80 }]",
                    s.state());
        });
    }

    @Test
    void theBucketsAreMappedIntoRecordsWithMoreFieldsAndBack() throws Exception {
        Artifact v1 = compile("buckets/Buckets.sm");
        Artifact v2 = compile("buckets/Buckets2.sm");
        withNode(v1, s -> {
            assertEquals("Allowed 4", s.send("Request \"ann\""));
            assertEquals("Allowed 4", s.send("Request \"bob\""));
            assertEquals("Upgrade successful!", s.client().upgrade(v2).message());
            assertEquals("Map.fromList [(\"ann\", Bucket { tokens = 4, capacity = 5, rate = 1, throttled = 0 }), "
                    + "(\"bob\", Bucket { tokens = 4, capacity = 5, rate = 1, throttled = 0 })]", s.state());
            assertEquals("Allowed2 3", s.send("Request \"ann\""));
            assertEquals("Downgrade successful!", s.client().downgrade().message());
            assertEquals("Map.fromList [(\"ann\", Bucket { tokens = 3, capacity = 5 }), "
                    + "(\"bob\", Bucket { tokens = 4, capacity = 5 })]", s.state());
        });
    }

    @Test
    void aMillionElementListIsBuiltInAStepPrintedParsedSentAndCompared(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path file = dir.resolve("Big.sm");
        java.nio.file.Files.writeString(file, """
                module Big
                machine big : List Int -> Int
                  state List Int = []
                  proc xs -> do
                    let next = case xs of
                                 [n] -> List.range (1, n)
                                 _ -> xs
                    put -< next
                    returnA -< List.length next
                """);
        Artifact a = MachineFiles.compile(List.of(file), List.of()).artifacts().get(0).artifact();
        withNode(a, s -> {
            assertEquals("1000000", s.send("[1000000]"));
            var state = s.client().state();
            String printed = ValuePrinter.print(state.type(), state.value());
            var parsed = ValueParser.parse(state.type(), printed);
            assertEquals(state.value(), parsed);
            var r = s.client().step(parsed);
            assertEquals("1000000", ValuePrinter.print(r.outputType(), r.output()));
            assertEquals(parsed, s.client().state().value());
        });
    }

    @Test
    void theWordCountsFoldIntoARecordAndBack() throws Exception {
        Artifact v1 = compile("wordcount/WordCount.sm");
        Artifact v2 = compile("wordcount/WordCount2.sm");
        withNode(v1, s -> {
            assertEquals("Words 3", s.send("Line \"The cat the\""));
            assertEquals("Upgrade successful!", s.client().upgrade(v2).message());
            assertEquals("Counts { words = Map.fromList [(\"cat\", 1), (\"the\", 2)], lines = 0 }", s.state());
            assertEquals("Seen 2", s.send("Count \"THE\""));
            assertEquals("Downgrade successful!", s.client().downgrade().message());
            assertEquals("Map.fromList [(\"cat\", 1), (\"the\", 2)]", s.state());
        });
    }
}
