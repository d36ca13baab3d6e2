package hotsm.vm.node;

import static hotsm.vm.node.CounterArtifacts.*;
import static org.junit.jupiter.api.Assertions.*;

import hotsm.vm.bytecode.Identities;
import hotsm.vm.types.TypeDesc;
import hotsm.vm.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NodeTest {

    private Node node;

    @AfterEach
    void stop() {
        if (node != null) node.close();
    }

    private Node start(NodeOptions options) throws Exception {
        node = Node.start(counter1(), options);
        return node;
    }

    private static Refusal refusal(CompletableFuture<?> f) {
        CompletionException e = assertThrows(CompletionException.class, f::join);
        return assertInstanceOf(Refusal.class, e.getCause());
    }

    @Test
    void seedSession() throws Exception {
        start(NodeOptions.defaults());
        assertEquals(OK, node.step(INCR).join().output());
        assertEquals(OK, node.step(INCR).join().output());
        assertEquals(total(2), node.step(COUNT).join().output());

        VersionChange up = node.upgrade(counter2()).join();
        assertEquals(VersionChange.UPGRADE_SUCCESSFUL, up.message());
        assertEquals(id1(), up.from());
        assertEquals(id2(), up.to());
        node.step(INCR).join();
        node.step(INCR).join();
        assertEquals(total(4), node.step(COUNT).join().output());
        assertEquals(Value.pair(Value.of(2), Value.of(4)), node.state().join().value());

        Refusal again = refusal(node.upgrade(counter2()));
        assertEquals(Refusal.Reason.UPGRADE_REFUSED, again.reason());
        assertEquals("The version running isn't the one the upgrade expects. Aborting upgrade.", again.getMessage());

        VersionChange down = node.downgrade().join();
        assertEquals(VersionChange.DOWNGRADE_SUCCESSFUL, down.message());
        assertEquals(id1(), down.to());
        StateView s = node.state().join();
        assertEquals(TypeDesc.INT, s.type());
        assertEquals(Value.of(4), s.value());

        NodeInfo info = node.info().join();
        assertEquals(NAME1, info.name());
        assertEquals(List.of(Version.Arrival.STARTED, Version.Arrival.UPGRADED, Version.Arrival.DOWNGRADED),
                info.history().stream().map(Version::arrival).toList());
        // The full Counter1 artifact runs again, so Counter2 can be applied once more.
        assertEquals(VersionChange.UPGRADE_SUCCESSFUL, node.upgrade(counter2()).join().message());
    }

    @Test
    void oldInterfaceClientIsServedThroughTheAdaptersOfAChain() throws Exception {
        start(NodeOptions.defaults());
        node.step(INCR).join();
        node.upgrade(counter2()).join();
        node.upgrade(counter3(false)).join();
        assertEquals(id3(), node.info().join().identity());
        assertEquals(OK, node.step(INCR, id1()).join().output());
        StepResult r = node.step(COUNT, id1()).join();
        assertEquals(total(2), r.output());
        assertEquals(OUTPUT, r.outputType());
        assertEquals(OUTPUT, node.step(COUNT, id2()).join().outputType());
        // The new interface directly: Count3 is Inr (Inr (Inr ())).
        StepResult direct = node.step(new Value.Inr(new Value.Inr(new Value.Inr(Value.UNIT)))).join();
        assertEquals(OUTPUT3, direct.outputType());
        assertEquals(total(2), direct.output());
        assertEquals(new InterfaceView(id1(), INPUT, OUTPUT), node.interfaceOf(id1()).join());
    }

    @Test
    void unknownInterfaceIsRefusedClearly() throws Exception {
        start(NodeOptions.defaults());
        Refusal r = refusal(node.step(INCR, Identities.of(counter2())));
        assertEquals(Refusal.Reason.UNKNOWN_INTERFACE, r.reason());
        assertTrue(r.getMessage().contains("cannot serve"), r.getMessage());
    }

    @Test
    void badUpgradesChangeNothing() throws Exception {
        start(NodeOptions.defaults());
        node.step(INCR).join();
        for (var bad : List.of(counter2IllTyped(), counter2FailingMigration(), counter3(false))) {
            Refusal r = refusal(node.upgrade(bad));
            assertEquals(Refusal.Reason.UPGRADE_REFUSED, r.reason());
            assertEquals(id1(), node.info().join().identity());
            assertEquals(Value.of(1), node.state().join().value());
        }
        assertTrue(refusal(node.upgrade(counter2FailingMigration())).getMessage().contains("migration failed"));
        String illTyped = refusal(node.upgrade(counter2IllTyped())).getMessage();
        assertTrue(illTyped.contains("does not verify") && illTyped.contains("migration"), illTyped);
        assertEquals(Refusal.Reason.DOWNGRADE_REFUSED, refusal(node.downgrade()).reason());
        assertEquals(OK, node.step(INCR).join().output());
        assertEquals(total(2), node.step(COUNT).join().output());
        assertEquals(1, node.info().join().history().size());
    }

    @Test
    void badInputsAreRefusedAndTheStateIsKept() throws Exception {
        start(NodeOptions.defaults());
        node.step(INCR).join();
        assertEquals(Refusal.Reason.BAD_VALUE, refusal(node.step(Value.of(3))).reason());
        assertEquals(Value.of(1), node.state().join().value());
    }

    @Test
    void everyCommandPassesThroughTheLogInOrderAndTheListenerSeesSteps() throws Exception {
        List<Command> logged = new CopyOnWriteArrayList<>();
        List<String> heard = new CopyOnWriteArrayList<>();
        NodeListener listener = new NodeListener() {
            @Override public void stepped(TypeDesc outType, Value out, TypeDesc stType, Value st) {
                heard.add(out + " " + st);
            }
            @Override public void changed(VersionChange c) { heard.add(c.message()); }
        };
        start(NodeOptions.defaults().withLog(logged::add).withListener(listener));
        List<CompletableFuture<?>> all = new ArrayList<>();
        all.add(node.step(INCR));
        all.add(node.upgrade(counter2()));
        all.add(node.step(INCR));
        all.forEach(CompletableFuture::join);
        assertEquals(3, logged.size());
        assertInstanceOf(Command.Upgrade.class, logged.get(1));
        assertEquals(List.of("inl () 1", "Upgrade successful!", "inl () (1, 2)"), heard);
    }

    @Test
    void aClosedNodeRefuses() throws Exception {
        start(NodeOptions.defaults());
        node.close();
        assertEquals(Refusal.Reason.STOPPED, refusal(node.step(INCR)).reason());
    }
}
