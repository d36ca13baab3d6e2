package hotsm.cluster;

import static hotsm.vm.node.CounterArtifacts.*;
import static org.junit.jupiter.api.Assertions.*;

import hotsm.vm.bytecode.ArtifactCodec;
import hotsm.vm.node.NodeOptions;
import hotsm.vm.node.Refusal;
import hotsm.vm.node.VersionChange;
import hotsm.vm.protocol.HostPort;
import hotsm.vm.protocol.NodeClient;
import hotsm.vm.value.Value;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A three-member group in one process (Ratis on loopback): the upgrade rules
 * of a single node, decided once by the log and applied alike by every
 * member; a member far behind catches up from the leader's snapshot.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class LocalGroupTest {

    private static final ClusterOptions FAST = new ClusterOptions(Duration.ofMillis(300), Duration.ofSeconds(20),
            20, 1024);

    @TempDir Path dir;

    @Test
    void upgradeRulesAreTheSingleNodesAndEveryMemberAppliesTheSameOutcome() throws Exception {
        try (LocalGroup g = LocalGroup.start(3, dir, ArtifactCodec.encode(counter1()), NodeOptions.defaults(), FAST,
                id -> new Member.Events() { })) {
            Member m1 = g.member(0);
            Member m3 = g.member(2);
            assertEquals(OK, await(() -> m1.step(INCR, null).join().output()));
            VersionChange up = m3.upgrade(ArtifactCodec.encode(counter2())).join();
            assertEquals(VersionChange.UPGRADE_SUCCESSFUL, up.message());

            // The same upgrade again: refused with the single node's words, and nothing changes.
            Refusal again = refusal(() -> m1.upgrade(ArtifactCodec.encode(counter2())).join());
            assertEquals(VersionChange.WRONG_VERSION, again.getMessage());
            // An old client is adapted (Counter1's interface, by identity), through any member.
            assertEquals(OK, g.member(1).step(INCR, id1()).join().output());
            assertEquals(total(2), m1.step(COUNT, id1()).join().output());

            VersionChange down = m1.downgrade().join();
            assertEquals(VersionChange.DOWNGRADE_SUCCESSFUL, down.message());
            // A failing migration leaves the old version running, on every member.
            Refusal failed = refusal(() -> m3.upgrade(ArtifactCodec.encode(counter2FailingMigration())).join());
            assertEquals(Refusal.Reason.UPGRADE_REFUSED, failed.reason());
            assertTrue(failed.getMessage().startsWith("The state migration failed"), failed.getMessage());

            for (int i = 0; i < 3; i++) {
                assertEquals(Value.of(2), g.member(i).state().join().value(), "member " + i);
                assertEquals(NAME1, g.member(i).info().join().name());
                assertEquals(m1.info().join().history(), g.member(i).info().join().history(),
                        "the same history, with the leader's times, on every member");
            }
            try (NodeClient c = NodeClient.connect(HostPort.parse(g.clientAddress(1)))) {
                GroupView view = GroupClient.view(c).orElseThrow();
                assertEquals(List.of("m1", "m2", "m3"), view.members().stream().map(GroupView.Member::id).toList());
                // A member's own view, unconfirmed: on a loaded machine it may be between leaders for a moment.
                waitFor(() -> {
                    try {
                        return GroupClient.view(c).orElseThrow().self().leader().isPresent();
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
            }

            // A member restarted with another machine's file is told so; the group is unchanged.
            g.stopMember(2);
            java.util.concurrent.CompletableFuture<String> told = new java.util.concurrent.CompletableFuture<>();
            try (Member wrong = Member.start(new ClusterSpec(g.spec().peers(), "m3"), dir.resolve("m3"),
                    java.util.Optional.of(ArtifactCodec.encode(counter3(false))), NodeOptions.defaults(), FAST,
                    new Member.Events() {
                        @Override public void initRefused(String message) { told.complete(message); }
                        @Override public void started(String message) { told.complete("started: " + message); }
                    })) {
                String message = told.get(60, TimeUnit.SECONDS);
                assertTrue(message.startsWith("the group was started from Counter1.counter "), message);
                assertEquals(NAME1, wrong.info().join().name());
            }
        }
    }

    @Test
    void aMemberFarBehindCatchesUpFromTheLeadersSnapshot() throws Exception {
        Map<String, Boolean> installed = new ConcurrentHashMap<>();
        try (LocalGroup g = LocalGroup.start(3, dir, ArtifactCodec.encode(counter1()), NodeOptions.defaults(), FAST,
                id -> new Member.Events() {
                    @Override public void snapshotLoaded(long term, long index, boolean fromLeader) {
                        if (fromLeader) installed.put(id, true);
                    }
                })) {
            assertEquals(OK, await(() -> g.member(0).step(INCR, null).join().output()));
            g.stopMember(2);
            for (int i = 0; i < 200; i++) g.member(i % 2).step(INCR, null).join();
            g.member(0).upgrade(ArtifactCodec.encode(counter2())).join();
            for (int i = 0; i < 100; i++) g.member(1).step(INCR, null).join();

            g.startMember(2);
            waitFor(() -> installed.containsKey("m3"));
            assertEquals(new Value.Pair(Value.of(201), Value.of(301)), await(() -> g.member(2).state().join().value()));
            assertEquals(NAME2, g.member(2).info().join().name());
        }
    }

    /**
     * A linearizable read asked while the member knows no leader (an election
     * under way; here the only member left) waits for one, within the commit
     * timeout, as a write does, instead of failing at once with Ratis's
     * "Leader is unknown".
     */
    @Test
    void aReadAskedWithoutALeaderIsAnsweredOnceThereIsOne() throws Exception {
        try (LocalGroup g = LocalGroup.start(3, dir, ArtifactCodec.encode(counter1()), NodeOptions.defaults(), FAST,
                id -> new Member.Events() { })) {
            assertEquals(OK, await(() -> g.member(0).step(INCR, null).join().output()));
            // A follower is left alone: it stops hearing from the leader and cannot elect one.
            int[] follower = {-1};
            waitFor(() -> {
                for (int i = 0; i < 3; i++) {
                    MemberStatus s = self(g.member(i));
                    if (s.role().equals("FOLLOWER") && s.leader().isPresent()) follower[0] = i;
                }
                return follower[0] >= 0;
            });
            Member alone = g.member(follower[0]);
            for (int i = 0; i < 3; i++) if (i != follower[0]) g.stopMember(i);
            waitFor(() -> self(alone).leader().isEmpty());

            java.util.concurrent.CompletableFuture<hotsm.vm.node.StateView> read = alone.state();
            g.startMember((follower[0] + 1) % 3);
            assertEquals(Value.of(1), read.join().value());
            assertEquals(NAME1, alone.info().join().name());
        }
    }

    /**
     * A Raft port taken between choosing it and binding it: Ratis's exit of
     * the JVM is turned off, and the group starts again on other ports.
     */
    @Test
    void aTakenPortIsTriedAgainOnAnotherNotExitingTheJvm() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            List<Integer> tried = new java.util.ArrayList<>();
            LocalGroup.Ports ports = (n, attempt) -> {
                if (attempt == 1) {
                    tried.add(taken.getLocalPort());
                    return List.of(taken.getLocalPort());
                }
                try (java.net.ServerSocket free = new java.net.ServerSocket(0, 1,
                        java.net.InetAddress.getLoopbackAddress())) {
                    tried.add(free.getLocalPort());
                    return List.of(free.getLocalPort());
                }
            };
            try (LocalGroup g = LocalGroup.start(1, dir, ArtifactCodec.encode(counter1()), NodeOptions.defaults(),
                    FAST, id -> new Member.Events() { }, ports)) {
                assertEquals(2, tried.size(), "the taken port, then another");
                assertEquals(OK, await(() -> g.member(0).step(INCR, id1()).join().output()));
            }
        }
    }

    private static MemberStatus self(Member m) {
        return GroupView.decode(m.group().join()).self();
    }

    private static Refusal refusal(Runnable r) {
        CompletionException e = assertThrows(CompletionException.class, r::run);
        return assertInstanceOf(Refusal.class, e.getCause());
    }

    /** The first answer once the group has a leader (a request before may time out as STOPPED). */
    private static <T> T await(java.util.function.Supplier<T> request) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try {
                return request.get();
            } catch (CompletionException e) {
                if (!(e.getCause() instanceof Refusal r && r.reason() == Refusal.Reason.STOPPED)
                        || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out");
            Thread.sleep(100);
        }
    }
}
