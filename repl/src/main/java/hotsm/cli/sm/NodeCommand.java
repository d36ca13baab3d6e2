package hotsm.cli.sm;

import hotsm.cli.CliError;
import hotsm.cli.IncludeOption;
import hotsm.cli.MachineFiles;
import hotsm.cli.MachineOption;
import hotsm.cli.Sm;
import hotsm.vm.bytecode.Artifact;
import hotsm.vm.journal.Fsync;
import hotsm.vm.journal.JournalOptions;
import hotsm.vm.node.Node;
import hotsm.vm.node.NodeListener;
import hotsm.vm.node.NodeOptions;
import hotsm.vm.protocol.ConnectionSecurity;
import hotsm.vm.protocol.Cookie;
import hotsm.vm.protocol.NodeServer;
import hotsm.vm.protocol.TlsContexts;
import hotsm.vm.protocol.Wire;
import hotsm.vm.trust.ChangeKind;
import hotsm.vm.trust.Signer;
import hotsm.vm.trust.TrustException;
import hotsm.vm.trust.TrustPolicy;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code sm node [FILE(.cam|.sm)] [--data-dir DIR [--fsync MODE] [--snapshot-every N] [--segment-bytes N]]
 * [--state VALUE]
 * [--tick MS VALUE] [--machine NAME] [--port N] [--bind ADDR] [--trace]}.
 * With {@code --cluster ... --id ID --data-dir DIR}, one member of a replicated group ({@link ClusterNode}).
 * Security (docs/security.md): {@code [--cookie-file FILE] [--tls-cert CERT.pem --tls-key KEY.pem]
 * [--trust NAME.pub]...}.
 */
@Command(name = "node", mixinStandardHelpOptions = true,
        description = {"Run a machine as a node that clients step and upgrade over TCP.", "",
                "The first line printed is `listening on HOST:PORT`. Inputs from every connection go through "
                        + "one queue to the thread that owns the machine, and upgrades enter the same queue, so "
                        + "each input runs wholly on the old or wholly on the new version. Runs until interrupted "
                        + "(Ctrl-C). The protocol is described in docs/protocol.md.", "",
                "With --data-dir DIR the node is durable: every input, upgrade and downgrade is journaled in DIR "
                        + "and forced to disk before it is acknowledged, with snapshots along the way; killed and "
                        + "restarted on the same DIR (FILE may then be omitted) it resumes the same machine, state, "
                        + "version and history, and says so after the first line. Without it the node lives in "
                        + "memory. See docs/durability.md."})
public final class NodeCommand implements Callable<Integer> {

    @ParentCommand Sm sm;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
            description = "a .cam artifact, or a .sm file (compiled first); optional when --data-dir holds a node"
                    + " (or a cluster member's log)")
    Path file;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "keep the node in DIR (journal, snapshots, artifacts): start FILE there if DIR holds no"
                    + " node, else resume the node DIR holds (FILE, if given, must be a version it has run);"
                    + " with --cluster, this member's Raft log and snapshots")
    Path dataDir;

    @Option(names = "--fsync", paramLabel = "MODE", parameterConsumer = FsyncOption.class,
            description = "with --data-dir: `always` (default; a reply waits until its record is on disk, records"
                    + " arriving meanwhile share one fsync), `batch MS` (replies once written; fsync every MS ms: a"
                    + " power cut can lose the last MS ms) or `never` (the OS writes back; survives only a crash of"
                    + " the node itself)")
    List<String> fsync;

    @Option(names = "--snapshot-every", paramLabel = "N", defaultValue = "" + JournalOptions.DEFAULT_SNAPSHOT_EVERY,
            description = "with --data-dir: write a snapshot every N journal records (default ${DEFAULT-VALUE});"
                    + " `sm snapshot` writes one at once; with --cluster: every N log entries")
    long snapshotEvery;

    @Option(names = "--segment-bytes", paramLabel = "N", defaultValue = "" + JournalOptions.DEFAULT_SEGMENT_BYTES,
            description = "with --data-dir: begin a new journal segment file when one reaches N bytes"
                    + " (default ${DEFAULT-VALUE}); with --cluster, the same for the Raft log (at least 1024)")
    long segmentBytes;

    @Option(names = "--state", paramLabel = "VALUE",
            description = "start from this state instead of FILE's initial one (source syntax, read against FILE's"
                    + " state type); not for a DIR that already holds a node")
    String state;

    @Option(names = "--tick", arity = "2", paramLabel = "MS VALUE", hideParamSyntax = true,
            description = "send VALUE (an input, source syntax) every MS milliseconds, as an ordinary input")
    List<String> tick;

    @Mixin MachineOption machine;

    @Option(names = "--port", paramLabel = "N", defaultValue = "" + Wire.DEFAULT_PORT,
            description = "port to listen on (default ${DEFAULT-VALUE}); 0 picks a free one")
    int port;

    @Option(names = "--bind", paramLabel = "ADDR", defaultValue = "127.0.0.1",
            description = "address to listen on (default ${DEFAULT-VALUE}; 0.0.0.0 for every interface)")
    String bind;

    @Option(names = "--trace", negatable = true,
            description = "print `Output: v` and `New state: s` for each input, and upgrade results"
                    + " (default: on when standard input is a terminal)")
    Boolean trace;

    @Mixin IncludeOption includes;

    @Option(names = "--fuel", paramLabel = "N", defaultValue = "" + NodeOptions.DEFAULT_FUEL,
            description = "step limit: instructions one step or migration may run (default ${DEFAULT-VALUE})")
    long fuel;

    @Mixin ServerBudgetOptions budgets;

    @Mixin NodeBudgetOptions nodeBudgets;

    @Option(names = "--cluster", paramLabel = "ID=HOST:PORT,...",
            description = "run as one member of a replicated group (docs/cluster.md): every member's id and Raft"
                    + " address; --port stays this member's client port")
    String cluster;

    @Option(names = "--id", paramLabel = "ID", description = "with --cluster: which member this is")
    String id;

    /** Defaults of the options that need --cluster (given otherwise, they are refused). */
    static final long ELECTION_TIMEOUT_MS = 1000, COMMIT_TIMEOUT_MS = 10000;

    @Option(names = "--election-timeout", paramLabel = "MS", defaultValue = "" + ELECTION_TIMEOUT_MS,
            description = "with --cluster: a member stands for election after ${DEFAULT-VALUE}..2x ms"
                    + " without a leader")
    long electionTimeoutMs;

    @Option(names = "--commit-timeout", paramLabel = "MS", defaultValue = "" + COMMIT_TIMEOUT_MS,
            description = "with --cluster: a request the group cannot commit within ${DEFAULT-VALUE} ms is"
                    + " answered with an error (its outcome is then unknown)")
    long commitTimeoutMs;

    @Option(names = "--trust", paramLabel = "NAME.pub", parameterConsumer = TrustKeys.class,
            description = "accept an upgrade or downgrade only if signed by this key (smc keygen, smc sign) with a"
                    + " release number above every one accepted so far; repeatable (--trust a.pub b.pub, or"
                    + " --trust once per key). A FILE.cam.sig beside FILE"
                    + " must then be valid, and the node starts at its release. Without --trust, any client that"
                    + " knows the cookie may change the code")
    List<Path> trust = new ArrayList<>();

    /**
     * {@code --trust NAME.pub…} (issue 15): the key after {@code --trust}, then every following word
     * that names a public key as {@code smc keygen} writes it ({@code NAME.pub}), so that
     * {@code --trust a.pub b.pub FILE} leaves FILE to be the node's file.
     */
    static final class TrustKeys implements picocli.CommandLine.IParameterConsumer {
        @Override public void consumeParameters(java.util.Stack<String> args,
                                                picocli.CommandLine.Model.ArgSpec option,
                                                picocli.CommandLine.Model.CommandSpec command) {
            if (args.isEmpty()) {
                throw new picocli.CommandLine.ParameterException(command.commandLine(),
                        "Missing required parameter for option '--trust' (NAME.pub)");
            }
            List<Path> keys = option.getValue();
            keys.add(Path.of(args.pop()));
            while (!args.isEmpty() && args.peek().endsWith(".pub") && !args.peek().startsWith("-")) {
                keys.add(Path.of(args.pop()));
            }
        }
    }

    @Option(names = "--cookie-file", paramLabel = "FILE",
            description = "the secret every client must prove it knows (default: $HOME/.sm/cookie, created"
                    + " owner-only if missing)")
    Path cookieFile;

    @Option(names = "--tls-cert", paramLabel = "CERT.pem",
            description = "serve over TLS 1.3 with this certificate (chain), PEM; needs --tls-key")
    Path tlsCert;

    @Option(names = "--tls-key", paramLabel = "KEY.pem",
            description = "the certificate's private key: unencrypted PKCS#8 PEM, owner-only")
    Path tlsKey;

    /** The cookie, and TLS if asked for; a one-line error for a bad file. */
    ConnectionSecurity security() {
        if ((tlsCert == null) != (tlsKey == null)) throw CliError.usage("--tls-cert and --tls-key go together");
        try {
            Cookie cookie = cookieFile == null ? Cookie.loadDefault() : Cookie.load(cookieFile, false);
            ConnectionSecurity s = new ConnectionSecurity(cookie, Optional.empty());
            return tlsCert == null ? s : s.withTls(TlsContexts.server(tlsCert, tlsKey));
        } catch (TrustException e) {
            throw CliError.user(e.getMessage());
        } catch (IOException e) {
            throw CliError.user("cannot read the cookie or TLS files: " + e.getMessage());
        }
    }

    /**
     * With trusted keys, a {@code .cam} file's {@code FILE.cam.sig} (if any) must be a valid signed release:
     * the node starts at that release, so older ones cannot be applied after a restart.
     */
    private Optional<Signer> startingRelease(TrustPolicy policy, MachineFiles.Loaded loaded) {
        if (policy.isOpen() || loaded == null || !MachineFiles.isArtifact(file)) return Optional.empty();
        Path sig = file.resolveSibling(file.getFileName() + ".sig");
        if (!Files.exists(sig)) return Optional.empty();
        try {
            return policy.authorize(ChangeKind.UPGRADE, loaded.bytes(), Optional.of(Signatures.read(sig)), 0);
        } catch (TrustException e) {
            throw CliError.user(sig + ": " + e.getMessage());
        }
    }

    /** The start-up lines on standard error: the cookie, TLS, who may change the code, an exposed address. */
    void announceSecurity(ConnectionSecurity security, TrustPolicy policy, InetAddress address) {
        sm.err().println("clients must prove they know the cookie in " + security.cookie().file()
                + (security.tls().isPresent() ? "; connections use TLS 1.3" : ""));
        sm.err().println(policy.isOpen()
                ? "warning: no --trust key: any client that knows the cookie may upgrade or downgrade this node"
                : "code changes need a release signed by " + policy.names());
        if (tlsCert == null && !address.isLoopbackAddress()) {
            sm.err().println("warning: listening on " + bind + " without TLS: the cookie proof keeps strangers out,"
                    + " but inputs, states and code cross the network in clear (--tls-cert, --tls-key)");
        }
        sm.err().flush();
    }

    @Override public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535) throw CliError.usage("--port must be in 0..65535, got " + port);
        if (fuel <= 0) throw CliError.usage("--fuel must be positive");
        hotsm.vm.protocol.ServerLimits limits = budgets.limits();
        hotsm.vm.node.NodeLimits nodeLimits = nodeBudgets.limits();
        java.time.Duration stopTimeout = nodeBudgets.stopTimeout();
        if (cluster != null) return cluster();
        if (id != null || electionTimeoutMs != ELECTION_TIMEOUT_MS || commitTimeoutMs != COMMIT_TIMEOUT_MS) {
            throw CliError.usage("--id, --election-timeout and --commit-timeout need --cluster");
        }
        if (snapshotEvery <= 0) throw CliError.usage("--snapshot-every must be positive");
        if (segmentBytes < 64) throw CliError.usage("--segment-bytes must be at least 64");
        if (dataDir == null && (fsync != null || snapshotEvery != JournalOptions.DEFAULT_SNAPSHOT_EVERY
                || segmentBytes != JournalOptions.DEFAULT_SEGMENT_BYTES)) {
            throw CliError.usage("--fsync, --snapshot-every and --segment-bytes need --data-dir");
        }
        long tickMillis = 0;
        if (tick != null) {
            try {
                tickMillis = Long.parseLong(tick.get(0));
            } catch (NumberFormatException e) {
                throw CliError.usage("--tick MS VALUE: MS must be a number of milliseconds, got " + tick.get(0));
            }
            if (tickMillis <= 0) throw CliError.usage("--tick MS must be positive, got " + tickMillis);
        }
        JournalOptions journal;
        try {
            journal = JournalOptions.defaults().withSnapshotEvery(snapshotEvery).withSegmentBytes(segmentBytes)
                    .withFsync(fsync == null ? Fsync.ALWAYS : Fsync.parse(fsync));
        } catch (IllegalArgumentException e) {
            throw CliError.usage(e.getMessage());
        }
        MachineFiles.Loaded loaded = file == null ? null
                : MachineFiles.load(file, machine.name(), includes.get(), null, MachineOption.HOW_TO_PICK);
        Artifact artifact = loaded == null ? null : loaded.artifact();
        InetAddress address;
        try {
            address = InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw CliError.user("unknown address to bind: " + bind);
        }
        ConnectionSecurity security = security();
        TrustPolicy policy;
        try {
            policy = TrustPolicy.load(trust);
        } catch (IOException | TrustException e) {
            throw CliError.user("cannot read a --trust key: " + e.getMessage());
        }
        Optional<Signer> signedBy = startingRelease(policy, loaded);
        boolean tracing = trace != null ? trace : System.console() != null;
        TracePrinter tracer = tracing ? new TracePrinter(sm.out(), nodeBudgets.traceQueue()) : null;
        NodeListener listener = tracer != null ? tracer : NodeListener.NONE;
        // A journal that cannot write stops the node: never carry on after a failed fsync.
        AtomicReference<String> journalFailure = new AtomicReference<>();
        CountDownLatch stopped = new CountDownLatch(1);
        NodeStart start = NodeStart.open(file, artifact, state, dataDir, journal,
                NodeOptions.defaults().withFuel(fuel).withListener(listener).withTrust(policy).withLimits(nodeLimits),
                signedBy, why -> {
                    journalFailure.set(why);
                    stopped.countDown();
                });
        Node node = start.node;
        Ticker ticker;
        try {
            ticker = tick == null ? null : Ticker.plan(node, tickMillis, tick.get(1));
        } catch (CliError e) {
            start.close();
            throw e;
        }
        NodeServer server;
        try {
            server = NodeServer.bind(node, address, port, limits, security);
        } catch (IOException e) {
            start.close();
            throw CliError.user("cannot listen on " + bind + ":" + port + ": " + e.getMessage());
        }
        AtomicBoolean closed = new AtomicBoolean();
        Runnable shutdown = () -> {
            if (closed.getAndSet(true)) return;
            if (ticker != null) ticker.close();
            // Stop accepting, answer queued requests "The node is stopping.", let at most the running
            // step finish (within --stop-timeout), write the replies; then close the journal.
            NodeShutdown.stop(server, node, tracer, stopTimeout);
            start.close();
        };
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            shutdown.run();
            stopped.countDown();
        }, "hotsm-node-shutdown"));
        synchronized (sm.out()) {
            sm.out().println("listening on " + server.hostPort());
            for (String line : start.lines) sm.out().println(line);
            sm.out().flush();
        }
        announceSecurity(security, policy, address);
        server.serve();   // only now, so the address is always the first line
        if (ticker != null) ticker.start();   // its trace comes after the first lines too
        stopped.await();
        if (journalFailure.get() != null) {
            shutdown.run();
            throw CliError.user("the node stopped: " + journalFailure.get());
        }
        return Sm.OK;
    }

    private int cluster() throws InterruptedException {
        if (fsync != null) throw CliError.usage("--fsync does not apply to --cluster: Ratis forces its log itself");
        if (state != null || tick != null) throw CliError.usage("--state and --tick do not apply to --cluster yet");
        if (!trust.isEmpty()) throw CliError.usage("--trust does not apply to --cluster yet (docs/security.md)");
        if (snapshotEvery <= 0) throw CliError.usage("--snapshot-every must be positive");
        InetAddress address;
        try {
            address = InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw CliError.user("unknown address to bind: " + bind);
        }
        boolean tracing = trace != null ? trace : System.console() != null;
        TracePrinter tracer = tracing ? new TracePrinter(sm.out(), nodeBudgets.traceQueue()) : null;
        NodeOptions options = NodeOptions.defaults().withFuel(fuel)
                .withListener(tracer != null ? tracer : NodeListener.NONE).withLimits(nodeBudgets.limits());
        return ClusterNode.run(this, address, options, () -> { if (tracer != null) tracer.close(); });
    }
}
