package hotsm.cluster;

import static hotsm.vm.node.CounterArtifacts.*;
import static org.junit.jupiter.api.Assertions.*;

import hotsm.vm.bytecode.ArtifactCodec;
import hotsm.vm.node.Node;
import hotsm.vm.node.NodeOptions;
import hotsm.vm.node.NodeSnapshot;
import hotsm.vm.node.Refusal;
import hotsm.vm.protocol.Messages;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The bytes a member writes: log entries, replies, snapshots, group views, and the --cluster option. */
class CodecsTest {

    @Test
    void entriesRoundTripAndWritesCarryTheLeadersTime() {
        List<Entry> all = List.of(new Entry.Init(ArtifactCodec.encode(counter1())),
                new Entry.Step(new Messages.StepRequest(Optional.of(id1()), INCR)),
                new Entry.Step(new Messages.StepRequest(Optional.empty(), COUNT)),
                new Entry.Upgrade(ArtifactCodec.encode(counter2())), new Entry.Downgrade(),
                new Entry.ReadState(), new Entry.ReadInfo(), new Entry.ReadInterface(id2()), new Entry.ReadStatus());
        for (Entry e : all) {
            byte[] bytes = EntryCodec.encode(e);
            assertArrayEquals(bytes, EntryCodec.encode(EntryCodec.decode(bytes)), e.toString());
            if (e.isWrite()) {
                EntryCodec.Stamped s = EntryCodec.unstamp(EntryCodec.stamp(bytes, 1_764_500_000_123L));
                // Steps read no clock: their log entry (a durable journal record) carries no time.
                assertEquals(e instanceof Entry.Step ? 0 : 1_764_500_000_123L, s.epochMillis(), e.toString());
                assertArrayEquals(bytes, EntryCodec.encode(s.entry()));
            } else {
                assertThrows(IllegalArgumentException.class, () -> EntryCodec.stamp(bytes, 0), e.toString());
            }
        }
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> EntryCodec.decode(new byte[] {99}));
        assertEquals("unknown entry tag 99", bad.getMessage());
    }

    @Test
    void repliesCarryTheMachinesRefusalsAsData() {
        Reply ok = Reply.decode(new Reply.Ok(new byte[] {1, 2}).encode());
        assertArrayEquals(new byte[] {1, 2}, ((Reply.Ok) ok).body());
        Reply no = Reply.decode(Reply.refused(new Refusal(Refusal.Reason.UPGRADE_REFUSED, "Aborting upgrade."))
                .encode());
        assertEquals(new Reply.Refused(Refusal.Reason.UPGRADE_REFUSED, "Aborting upgrade."), no);
    }

    @Test
    void aSnapshotHoldsEverythingTheNodeKnowsAndRefusesAFlippedByte() throws Exception {
        try (Node node = Node.start(counter1(), NodeOptions.defaults())) {
            node.step(INCR).join();
            node.upgrade(counter2()).join();
            node.step(INCR).join();
            NodeSnapshot s = node.snapshot().join();
            byte[] bytes = SnapshotCodec.encode(s, 42);
            assertEquals(42, SnapshotCodec.decode(bytes).position());
            NodeSnapshot back = SnapshotCodec.decode(bytes).snapshot();
            assertEquals(s.identity(), back.identity());
            assertEquals(s.state(), back.state());
            assertEquals(s.history(), back.history());
            assertEquals(s.known().keySet(), back.known().keySet());
            try (Node resumed = Node.resume(back, NodeOptions.defaults())) {
                assertEquals(total(2), resumed.step(COUNT).join().output());
            }
            byte[] flipped = Arrays.copyOf(bytes, bytes.length);
            flipped[bytes.length / 2] ^= 1;
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> SnapshotCodec.decode(flipped));
            assertEquals("the snapshot's checksum does not match", e.getMessage());
        }
    }

    @Test
    void aGroupViewRoundTrips() {
        MemberStatus a = new MemberStatus("a", "LEADER", 3, Optional.of("a"), 41, 41, "127.0.0.1:7071",
                Optional.of("Counter2.counter 0c0749b2"));
        GroupView v = new GroupView("g", "a", List.of(new GroupView.Member("a", "127.0.0.1:9001", Optional.of(a), ""),
                new GroupView.Member("b", "127.0.0.1:9002", Optional.empty(), "UNAVAILABLE: io exception")));
        assertEquals(v, GroupView.decode(v.encode()));
        assertEquals(a, GroupView.decodeStatus(GroupView.encode(a)));
        List<String> lines = v.describe();
        assertEquals("leader    a   term 3   commit index 41", lines.get(1));
        assertTrue(lines.get(4).contains("unreachable: UNAVAILABLE: io exception"), lines.get(4));
    }

    @Test
    void theClusterOptionNamesWhatIsWrong() {
        ClusterSpec s = ClusterSpec.parse("a=127.0.0.1:9001,b=127.0.0.1:9002,c=h:9003", "b");
        assertEquals("127.0.0.1:9002", s.selfAddress());
        assertEquals(s.groupId(), ClusterSpec.parse("c=h:9003,a=127.0.0.1:9001,b=127.0.0.1:9002", "a").groupId(),
                "the group id does not depend on the order or on --id");
        assertNotEquals(s.groupId(), ClusterSpec.parse("a=127.0.0.1:9001,b=127.0.0.1:9002", "a").groupId());
        assertEquals("--cluster: expected ID=HOST:PORT, got 'a'", message("a", "a"));
        assertEquals("--cluster: member a needs HOST:PORT with a port in 1..65535, got 'h:0'", message("a=h:0", "a"));
        assertEquals("--cluster: member a is named twice", message("a=h:1,a=h:2", "a"));
        assertEquals("--id d is not one of the members in --cluster (a, b)", message("a=h:1,b=h:2", "d"));
    }

    private static String message(String cluster, String id) {
        return assertThrows(IllegalArgumentException.class, () -> ClusterSpec.parse(cluster, id)).getMessage();
    }
}
