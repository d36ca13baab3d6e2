package hotsm.cli.sm;

import hotsm.cli.Sm;
import hotsm.vm.bytecode.Artifact;
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
import hotsm.vm.verify.VerifyException;
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
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code sm node FILE(.cam|.sm) [--machine NAME] [--port N] [--bind ADDR] [--trace] [--cookie-file FILE]
 * [--tls-cert CERT.pem --tls-key KEY.pem] [--trust NAME.pub]...}.
 */
@Command(name = "node", mixinStandardHelpOptions = true,
        description = {"Run a machine as a node that clients step and upgrade over TCP.", "",
                "The first line printed is `listening on HOST:PORT`. Inputs from every connection go through "
                        + "one queue to the thread that owns the machine, and upgrades enter the same queue, so "
                        + "each input runs wholly on the old or wholly on the new version. Runs until interrupted "
                        + "(Ctrl-C). The protocol is described in docs/protocol.md."})
public final class NodeCommand implements Callable<Integer> {

    @ParentCommand Sm sm;

    @Parameters(index = "0", paramLabel = "FILE", description = "a .cam artifact, or a .sm file (compiled first)")
    Path file;

    @Option(names = "--machine", paramLabel = "NAME",
            description = "which machine of a .sm file (`counter` or `Counter1.counter`); default: the only one")
    String machine;

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

    @Option(names = {"-I", "--include"}, paramLabel = "DIR", description = "where a .sm file's imports are looked for")
    List<Path> includes = new ArrayList<>();

    @Option(names = "--fuel", paramLabel = "N", defaultValue = "" + NodeOptions.DEFAULT_FUEL,
            description = "step limit: instructions one step or migration may run (default ${DEFAULT-VALUE})")
    long fuel;

    @Option(names = "--trust", paramLabel = "NAME.pub",
            description = "accept an upgrade or downgrade only if signed by this key (smc keygen, smc sign) with a"
                    + " release number above every one accepted so far; repeatable. A FILE.cam.sig beside FILE"
                    + " must then be valid, and the node starts at its release. Without --trust, any client that"
                    + " knows the cookie may change the code")
    List<Path> trust = new ArrayList<>();

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
    private ConnectionSecurity security() {
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
    private Optional<Signer> startingRelease(TrustPolicy policy) {
        if (policy.isOpen() || ArtifactFiles.isSource(file)) return Optional.empty();
        Path sig = file.resolveSibling(file.getFileName() + ".sig");
        if (!Files.exists(sig)) return Optional.empty();
        try {
            return policy.authorize(ChangeKind.UPGRADE, ArtifactFiles.read(file), Optional.of(Signatures.read(sig)), 0);
        } catch (TrustException e) {
            throw CliError.user(sig + ": " + e.getMessage());
        }
    }

    @Override public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535) throw CliError.usage("--port must be in 0..65535, got " + port);
        if (fuel <= 0) throw CliError.usage("--fuel must be positive");
        Artifact artifact = ArtifactFiles.isSource(file)
                ? ArtifactFiles.compile(file, machine, includes, sm.err(), a -> false)
                : ArtifactFiles.requireMachine(file, ArtifactFiles.decode(file), machine);
        InetAddress address;
        try {
            address = InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw CliError.user("unknown address to bind: " + bind);
        }
        ConnectionSecurity security = security();
        boolean tracing = trace != null ? trace : System.console() != null;
        TracePrinter tracer = tracing ? new TracePrinter(sm.out()) : null;
        NodeListener listener = tracer != null ? tracer : NodeListener.NONE;
        TrustPolicy policy;
        try {
            policy = TrustPolicy.load(trust);
        } catch (IOException | TrustException e) {
            throw CliError.user("cannot read a --trust key: " + e.getMessage());
        }
        Optional<Signer> signedBy = startingRelease(policy);
        Node node;
        try {
            node = Node.start(artifact, NodeOptions.defaults().withFuel(fuel).withListener(listener)
                    .withTrust(policy), signedBy);
        } catch (VerifyException e) {
            throw CliError.user(file + " does not verify: " + e.getMessage());
        }
        NodeServer server;
        try {
            server = NodeServer.bind(node, address, port, Wire.DEFAULT_MAX_FRAME, security);
        } catch (IOException e) {
            node.close();
            throw CliError.user("cannot listen on " + bind + ":" + port + ": " + e.getMessage());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            node.close();
            if (tracer != null) tracer.close();
            stopped.countDown();
        }, "hotsm-node-shutdown"));
        synchronized (sm.out()) {
            sm.out().println("listening on " + server.hostPort());
            sm.out().flush();
        }
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
        server.serve();   // only now, so the address is always the first line
        stopped.await();
        return Sm.OK;
    }
}
