package hotsm.cluster;

import hotsm.vm.bytecode.Identity;
import hotsm.vm.node.InterfaceView;
import hotsm.vm.node.NodeInfo;
import hotsm.vm.node.NodeOptions;
import hotsm.vm.node.NodeService;
import hotsm.vm.node.Refusal;
import hotsm.vm.node.SnapshotWritten;
import hotsm.vm.node.StateView;
import hotsm.vm.node.StepResult;
import hotsm.vm.node.VersionChange;
import hotsm.vm.protocol.Messages;
import hotsm.vm.protocol.ProtocolException;
import hotsm.vm.value.Value;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.ratis.client.RaftClient;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftClientReply;
import org.apache.ratis.protocol.RaftPeer;
import org.apache.ratis.protocol.exceptions.ReadIndexException;
import org.apache.ratis.retry.RetryPolicies;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.server.storage.RaftStorage;
import org.apache.ratis.thirdparty.com.google.protobuf.ByteString;
import org.apache.ratis.util.TimeDuration;

/**
 * One member of a replicated group: a Ratis server whose state machine runs
 * the machine ({@link MachineStateMachine}), and the {@link NodeService} the
 * protocol server serves to this member's clients. Every write a client sends
 * to any member is forwarded to the leader by this member's Ratis client
 * (which follows leader changes and retries with the same call id, so Ratis's
 * retry cache applies it once) and answered only once the entry is committed
 * and applied; {@code state}, {@code info} and interface checks are
 * linearizable reads (Ratis's read index, served by this member's own machine
 * once it has applied that far).
 */
public final class Member implements NodeService, AutoCloseable {

    /** What a member tells its operator. */
    public interface Events extends MachineStateMachine.Events {
        /** The group's Init entry this member proposed was applied: the group runs its machine. */
        default void started(String message) { }

        /** The group runs another machine than the one this member was started with. */
        default void initRefused(String message) { }
    }

    private static final Duration STATUS_TIMEOUT = Duration.ofSeconds(2);

    private final ClusterSpec spec;
    private final ClusterOptions options;
    private final MachineStateMachine machine;
    private final RaftServer server;
    private final RaftClient client;
    private final RaftClient prober;
    private volatile boolean closed;
    /** How long to wait before asking again a group that has no leader (as the Ratis client's writes do). */
    private final long retryMs;
    private final java.util.concurrent.ExecutorService probes = java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "hotsm-status-probe");
        t.setDaemon(true);
        return t;
    });

    private Member(ClusterSpec spec, ClusterOptions options, MachineStateMachine machine, RaftServer server,
                   RaftClient client, RaftClient prober) {
        this.spec = spec;
        this.options = options;
        this.machine = machine;
        this.server = server;
        this.client = client;
        this.prober = prober;
        this.retryMs = retrySleepMs(options);
    }

    /** A quarter of the election timeout, at least 20 ms: how long a member waits before asking a leaderless group again. */
    private static long retrySleepMs(ClusterOptions options) {
        return Math.max(20, options.electionTimeout().toMillis() / 4);
    }

    /**
     * Start this member's Ratis server on its {@code --cluster} address with
     * its log and snapshots in {@code dataDir} (recovered if it holds them),
     * and, given an artifact, propose it as the group's machine.
     */
    public static Member start(ClusterSpec spec, Path dataDir, Optional<byte[]> artifact, NodeOptions nodeOptions,
                               ClusterOptions options, Events events) throws IOException {
        MachineStateMachine machine = new MachineStateMachine(nodeOptions, events);
        RaftServer server = RaftServer.newBuilder()
                .setGroup(spec.group())
                .setProperties(RatisConfig.server(spec, dataDir, options))
                .setServerId(spec.selfId())
                .setStateMachine(machine)
                .setOption(RaftStorage.StartupOption.RECOVER)
                .build();
        server.start();
        long sleepMs = retrySleepMs(options);
        int attempts = (int) Math.max(1, options.commitTimeout().toMillis() / sleepMs);
        RaftClient client = RaftClient.newBuilder()
                .setRaftGroup(spec.group())
                .setLeaderId(spec.selfId())
                .setProperties(RatisConfig.client(options.commitTimeout().toMillis()))
                .setRetryPolicy(RetryPolicies.retryUpToMaximumCountWithFixedSleep(attempts,
                        TimeDuration.valueOf(sleepMs, TimeUnit.MILLISECONDS)))
                .build();
        RaftClient prober = RaftClient.newBuilder()
                .setRaftGroup(spec.group())
                .setProperties(RatisConfig.client(STATUS_TIMEOUT.toMillis()))
                .setRetryPolicy(RetryPolicies.noRetry())
                .build();
        Member member = new Member(spec, options, machine, server, client, prober);
        artifact.ifPresent(bytes -> {
            Thread t = new Thread(() -> member.propose(bytes, events, sleepMs), "hotsm-propose-init");
            t.setDaemon(true);
            t.start();
        });
        return member;
    }

    /** Propose the Init entry until the group answers (it may have no leader yet). */
    private void propose(byte[] artifact, Events events, long sleepMs) {
        while (!closed) {
            try {
                byte[] body = write(new Entry.Init(artifact)).get();
                events.started(new String(body, StandardCharsets.UTF_8));
                return;
            } catch (ExecutionException e) {
                if (e.getCause() instanceof Refusal r && r.reason() == Refusal.Reason.BAD_VALUE) {
                    events.initRefused(r.getMessage());
                    return;
                }
            } catch (InterruptedException e) {
                return;
            }
            try {
                Thread.sleep(sleepMs);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Where this member serves clients, for the others' status pages. */
    public void clientAddress(String hostPort) { machine.clientAddress(hostPort); }

    public ClusterSpec spec() { return spec; }

    @Override
    public CompletableFuture<StepResult> step(Value input, Identity speaking) {
        return write(new Entry.Step(new Messages.StepRequest(Optional.ofNullable(speaking), input)))
                .thenApply(body -> decode(body, Messages::output));
    }

    @Override
    public CompletableFuture<VersionChange> upgrade(byte[] artifact) {
        return write(new Entry.Upgrade(artifact.clone())).thenApply(body -> decode(body, Messages::changed));
    }

    @Override
    public CompletableFuture<VersionChange> downgrade() {
        return write(new Entry.Downgrade()).thenApply(body -> decode(body, Messages::changed));
    }

    @Override
    public CompletableFuture<StateView> state() {
        return read(new Entry.ReadState()).thenApply(body -> decode(body, Messages::state));
    }

    @Override
    public CompletableFuture<NodeInfo> info() {
        return read(new Entry.ReadInfo()).thenApply(body -> decode(body, Messages::info));
    }

    @Override
    public CompletableFuture<InterfaceView> interfaceOf(Identity identity) {
        return read(new Entry.ReadInterface(identity)).thenApply(body -> decode(body, Messages::interfaceView));
    }

    /** {@code sm snapshot}: this member takes a snapshot of its machine now (Ratis's snapshot management). */
    @Override
    public CompletableFuture<SnapshotWritten> writeSnapshot() {
        return CompletableFuture.supplyAsync(() -> {
            try {
                RaftClientReply reply = prober.getSnapshotManagementApi(spec.selfId())
                        .create(true, options.commitTimeout().toMillis());
                if (!reply.isSuccess()) throw new CompletionException(unavailable("snapshot",
                        options.commitTimeout().toMillis(), reply.getException()));
                return new SnapshotWritten(reply.getLogIndex(), "the snapshot of member " + spec.self()
                        + " at log index " + reply.getLogIndex());
            } catch (IOException e) {
                throw new CompletionException(unavailable("snapshot", options.commitTimeout().toMillis(), e));
            }
        }, probes);
    }

    /** Every member's own status (asked over Ratis, without retries), this member's first-hand. */
    @Override
    public CompletableFuture<byte[]> group() {
        List<CompletableFuture<GroupView.Member>> each = new ArrayList<>();
        for (RaftPeer peer : spec.group().getPeers()) {
            String id = peer.getId().toString();
            String address = peer.getAddress();
            if (id.equals(spec.self())) {
                each.add(CompletableFuture.completedFuture(
                        new GroupView.Member(id, address, Optional.of(machine.status()), "")));
                continue;
            }
            // Blocking and unordered: straight to that member (ordered async requests go through the leader).
            CompletableFuture<RaftClientReply> asked = CompletableFuture.supplyAsync(() -> {
                try {
                    return prober.io().sendStaleRead(message(new Entry.ReadStatus()), 0, peer.getId());
                } catch (IOException e) {
                    throw new CompletionException(e);
                }
            }, probes);
            each.add(asked.orTimeout(STATUS_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).handle((reply, failure) -> {
                try {
                    if (failure == null && !reply.isSuccess()) failure = reply.getException();
                    if (failure == null && Reply.decode(reply.getMessage().getContent().toByteArray())
                            instanceof Reply.Ok ok) {
                        return new GroupView.Member(id, address, Optional.of(GroupView.decodeStatus(ok.body())), "");
                    }
                } catch (IllegalArgumentException e) {
                    failure = e;
                }
                return new GroupView.Member(id, address, Optional.empty(),
                        failure == null ? "an unreadable answer" : why(failure));
            }));
        }
        return CompletableFuture.allOf(each.toArray(CompletableFuture[]::new)).thenApply(done -> {
            List<GroupView.Member> members = new ArrayList<>();
            for (CompletableFuture<GroupView.Member> m : each) members.add(m.join());
            return new GroupView(spec.groupId().getUuid().toString(), spec.self(), members).encode();
        });
    }

    private CompletableFuture<byte[]> write(Entry e) {
        CompletableFuture<RaftClientReply> sent;
        try {
            sent = client.async().send(message(e));
        } catch (RuntimeException failure) {
            sent = CompletableFuture.failedFuture(failure);
        }
        return answer(sent, options.commitTimeout().toMillis(), "write");
    }

    private CompletableFuture<byte[]> read(Entry e) {
        long timeoutMs = options.commitTimeout().toMillis();
        return answer(readUntil(message(e), System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs), retryMs),
                timeoutMs, "read");
    }

    /**
     * A linearizable read through this member's own server, asked again while
     * there is no leader to confirm it (an election under way: Ratis answers
     * at once that the leader is unknown, or that the leader it asked could
     * not give a read index, and its client does not retry those) until
     * {@code deadline}, as a write waits for its commit; then the last answer.
     * The pause before asking again starts at {@code pauseMs} and doubles up
     * to the election timeout, so a read waiting out a long election (a
     * minority's: until the deadline) costs a few attempts, not hundreds.
     */
    private CompletableFuture<RaftClientReply> readUntil(Message m, long deadline, long pauseMs) {
        CompletableFuture<RaftClientReply> sent;
        try {
            sent = client.async().sendReadOnlyUnordered(m, spec.selfId());
        } catch (RuntimeException failure) {
            return CompletableFuture.failedFuture(failure);
        }
        return sent.handle((reply, failure) -> {
            Throwable why = failure != null ? failure : reply.isSuccess() ? null : reply.getException();
            if (closed || !noReadIndex(why) || System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(pauseMs) >= deadline) {
                return failure == null ? CompletableFuture.completedFuture(reply)
                        : CompletableFuture.<RaftClientReply>failedFuture(failure);
            }
            long next = Math.min(2 * pauseMs, Math.max(pauseMs, options.electionTimeout().toMillis()));
            return CompletableFuture.runAsync(() -> { },
                    CompletableFuture.delayedExecutor(pauseMs, TimeUnit.MILLISECONDS)).thenCompose(
                    again -> readUntil(m, deadline, next));
        }).thenCompose(next -> next);
    }

    /** Whether a read failed only because no leader could give its read index (yet). */
    private static boolean noReadIndex(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ReadIndexException) return true;
        }
        return false;
    }

    private static Message message(Entry e) {
        return Message.valueOf(ByteString.copyFrom(EntryCodec.encode(e)));
    }

    /**
     * The machine's answer, or a refusal: the machine's own (from the entry's
     * reply), or {@code STOPPED} when the group could not commit the write (or
     * confirm the read) in time, in which case a write's outcome is unknown.
     */
    private CompletableFuture<byte[]> answer(CompletableFuture<RaftClientReply> sent, long timeoutMs, String what) {
        return sent.orTimeout(timeoutMs, TimeUnit.MILLISECONDS).handle((reply, failure) -> {
            if (failure == null && !reply.isSuccess()) failure = reply.getException();
            if (failure != null) throw new CompletionException(unavailable(what, timeoutMs, failure));
            Reply r;
            try {
                r = Reply.decode(reply.getMessage().getContent().toByteArray());
            } catch (IllegalArgumentException e) {
                throw new CompletionException(new Refusal(Refusal.Reason.INTERNAL, "unreadable reply from the group: "
                        + e.getMessage()));
            }
            if (r instanceof Reply.Refused refused) throw new CompletionException(refused.toRefusal());
            return ((Reply.Ok) r).body();
        });
    }

    private Refusal unavailable(String what, long timeoutMs, Throwable failure) {
        String why = why(failure);
        if (what.equals("write")) {
            return new Refusal(Refusal.Reason.STOPPED, "The group did not commit this request within " + timeoutMs
                    + " ms (member " + spec.self() + ": " + why + "); it may still be applied later, or never."
                    + " A group accepts writes only while a majority of its members can reach each other.");
        }
        return new Refusal(Refusal.Reason.STOPPED, "The group could not answer within " + timeoutMs + " ms (member "
                + spec.self() + ": " + why + ").");
    }

    private static String why(Throwable failure) {
        Throwable t = failure;
        while (t instanceof CompletionException && t.getCause() != null) t = t.getCause();
        if (t instanceof TimeoutException) return "no answer in time";
        String m = t.getMessage();
        if (m == null) return t.getClass().getSimpleName();
        return m.length() > 200 ? m.substring(0, 200) + "..." : m;
    }

    @FunctionalInterface
    private interface Decoder<T> {
        T decode(byte[] body) throws ProtocolException;
    }

    private static <T> T decode(byte[] body, Decoder<T> decoder) {
        try {
            return decoder.decode(body);
        } catch (ProtocolException e) {
            throw new CompletionException(new Refusal(Refusal.Reason.INTERNAL, "unreadable reply from the group: "
                    + e.getMessage()));
        }
    }

    @Override
    public void close() {
        closed = true;
        probes.shutdownNow();
        for (AutoCloseable c : new AutoCloseable[] {client, prober, server}) {
            try {
                c.close();
            } catch (Exception ignored) {
                // closing anyway
            }
        }
    }
}
