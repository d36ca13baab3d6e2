package hotsm.acceptance;

import static hotsm.vm.testing.Asm.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import hotsm.vm.bytecode.Artifact;
import hotsm.vm.bytecode.Code;
import hotsm.vm.bytecode.Identities;
import hotsm.vm.bytecode.PrimOp;
import hotsm.vm.bytecode.UpgradeSection;
import hotsm.vm.node.Node;
import hotsm.vm.node.NodeOptions;
import hotsm.vm.node.Refusal;
import hotsm.vm.protocol.HostPort;
import hotsm.vm.protocol.NodeClient;
import hotsm.vm.protocol.NodeServer;
import hotsm.vm.testing.SampleArtifacts;
import hotsm.vm.types.Shape;
import hotsm.vm.types.TypeDesc;
import hotsm.vm.value.Value;
import hotsm.vm.value.ValuePrinter;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Maps and lists travel to a node and back; {@code error} fails a step or a
 * migration with the exact messages of LANGUAGE.md §15; a million-element list
 * is sent, kept as the state, and compared on the node.
 */
class CollectionsOverTheWireTest {

    private static <T> T served(Artifact a, ClientAction<T> action) throws Exception {
        try (Node node = Node.start(a, NodeOptions.defaults());
             NodeServer server = NodeServer.start(node, InetAddress.getLoopbackAddress(), 0);
             NodeClient c = NodeClient.connect(HostPort.parse(server.hostPort()))) {
            return action.run(c);
        }
    }

    interface ClientAction<T> {
        T run(NodeClient c) throws Exception;
    }

    @Test
    void aMapStateAndTheErrorOfAStep() throws Exception {
        Artifact a = SampleArtifacts.wordCount();
        served(a, c -> {
            assertEquals(Value.of(2), c.step(Value.of("to be to")).output());
            Refusal r = assertThrows(Refusal.class, () -> c.step(Value.of("")));
            assertEquals("The step failed: no words in \\u001b the empty text. The state is unchanged.", r.getMessage());
            assertEquals("Map.fromList [(\"be\", 1), (\"to\", 2)]", ValuePrinter.print(a.state(), c.state().value()));
            // A migration that calls error: refused, the old version keeps running.
            Artifact failing = new Artifact("WordCount.next", TypeDesc.STR, TypeDesc.INT, SampleArtifacts.COUNTS,
                    Value.EMPTY_MAP, a.step(), List.of(new UpgradeSection(Identities.of(a), a.name(), a.input(), a.output(),
                    a.state(), Code.of(quote(Shape.STR, Value.of("cannot migrate")), error(a.state().erase())),
                    Optional.empty(), Optional.empty())), List.of(), a.blocks());
            Refusal up = assertThrows(Refusal.class, () -> c.upgrade(failing));
            assertEquals("The state migration failed: cannot migrate. Aborting upgrade; the old version keeps running.",
                    up.getMessage());
            assertEquals(Value.of(4), c.step(Value.of("or not")).output());
            return null;
        });
    }

    @Test
    void aMillionElementListIsSentKeptAndCompared() throws Exception {
        // Input List Bool; state List Bool; the step answers whether the input equals the state, then keeps the input.
        // (Bool: 2 bytes an element on the wire, so the state stays well inside a node's value size budget.)
        TypeDesc ints = new TypeDesc.ListOf(TypeDesc.BOOL);
        Code step = Code.of(push(), push(), get(), swap(), cons(), prim(PrimOp.EQ), swap(), put(), cons(), fst());
        Artifact a = new Artifact("Big.same", ints, TypeDesc.BOOL, ints, Value.NIL, step, List.of(), List.of());
        Value.ListOf big = Value.NIL;
        for (int i = 999_999; i >= 0; i--) big = big.cons(Value.bool(i % 3 == 0));
        Value.ListOf list = big;
        served(a, c -> {
            assertEquals(Value.FALSE, c.step(list).output());
            assertEquals(Value.TRUE, c.step(list).output());
            assertEquals(list, c.state().value());
            return null;
        });
    }
}
