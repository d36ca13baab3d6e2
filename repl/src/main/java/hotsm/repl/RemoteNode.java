package hotsm.repl;

import hotsm.cli.sm.UpgradeMismatch;
import hotsm.vm.bytecode.Artifact;
import hotsm.vm.node.NodeInfo;
import hotsm.vm.node.Refusal;
import hotsm.vm.node.StepResult;
import hotsm.vm.node.VersionChange;
import hotsm.vm.bytecode.ArtifactCodec;
import hotsm.vm.protocol.ConnectionSecurity;
import hotsm.vm.protocol.HostPort;
import hotsm.vm.protocol.NodeClient;
import hotsm.vm.trust.ReleaseSignature;
import hotsm.vm.types.TypeDesc;
import hotsm.vm.types.TypeText;
import hotsm.vm.value.Value;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * A node the REPL is attached to: typed values are sent to it and its answer
 * printed. The node's machine (and so the input type values are read as and
 * completed from) is refreshed from {@code info} after every upgrade and downgrade.
 */
final class RemoteNode implements Target {
    private final String address;
    private final NodeClient client;
    private NodeInfo info;

    private RemoteNode(String address, NodeClient client, NodeInfo info) {
        this.address = address;
        this.client = client;
        this.info = info;
    }

    /** Connects to {@code HOST:PORT} and asks who is there; {@code timeout} null for the client's defaults. */
    static RemoteNode connect(String address, java.time.Duration timeout) throws ReplError {
        ConnectionSecurity security;
        try {
            security = ConnectionSecurity.defaults();
        } catch (IOException | RuntimeException e) {
            throw ReplError.of("cannot read the cookie: " + ReplSession.oneLine(e));
        }
        return connect(address, timeout, security);
    }

    /** The same with a cookie and optionally TLS (docs/security.md). */
    static RemoteNode connect(String address, java.time.Duration timeout, ConnectionSecurity security)
            throws ReplError {
        HostPort at;
        try {
            at = HostPort.parse(address);   // as sm's commands read it: one wording, [::1]:7070 too
        } catch (IllegalArgumentException e) {
            throw ReplError.of(e.getMessage());
        }
        NodeClient client;
        try {
            client = NodeClient.connect(at, Optional.empty(), timeout, security);
        } catch (Refusal e) {
            throw ReplError.of("the node at " + address + " refused the connection: " + e.getMessage());
        } catch (IOException e) {
            throw ReplError.of("cannot connect to " + address + ": " + ReplSession.oneLine(e));
        }
        try {
            return new RemoteNode(address, client, client.info(1));
        } catch (IOException | Refusal e) {
            client.close();
            throw ReplError.of("no node answering at " + address + ": " + ReplSession.oneLine(e));
        }
    }

    String address() { return address; }

    /** The node's machine and types as of its last answer ({@link NodeNames}). */
    NodeInfo described() { return info; }

    @Override public String machineName() { return info.name(); }

    @Override public TypeDesc inputType() { return info.input(); }

    /**
     * Sends one input, saying which version's interface it was read against:
     * if someone else upgraded the node meanwhile, the node adapts it (or
     * refuses) rather than misreading it as an input of the new machine.
     */
    @Override public List<String> step(Value input) throws ReplError {
        try {
            StepResult r = client.step(input, info.identity());
            return List.of(Values.print(r.outputType(), r.output()));
        } catch (Refusal e) {
            if (e.reason() == Refusal.Reason.UNKNOWN_INTERFACE) {
                String was = info.name();
                refresh();
                throw ReplError.of("the node no longer runs " + was + " but " + info.name()
                        + ", and cannot adapt its inputs; type it again for " + info.name());
            }
            throw ReplError.of(e.getMessage());
        } catch (IOException e) {
            throw lost(e);
        }
    }

    @Override public String state() throws ReplError {
        try {
            var s = client.state();
            return Values.print(s.type(), s.value());
        } catch (Refusal e) {
            throw ReplError.of(e.getMessage());
        } catch (IOException e) {
            throw lost(e);
        }
    }

    /** Sends an artifact; the node's answer, {@code Upgrade successful!} or its reason for refusing. */
    @Override public String upgrade(Artifact artifact) throws ReplError {
        return upgrade(artifact, Optional.empty());
    }

    /** The same with the release signature of the artifact's bytes, for a node that requires one. */
    @Override public String upgrade(Artifact artifact, Optional<ReleaseSignature> signature) throws ReplError {
        try {
            byte[] bytes = ArtifactCodec.encode(artifact);
            VersionChange change = signature.isPresent() ? client.upgrade(bytes, signature.get())
                    : client.upgrade(bytes);
            refresh();
            return change.message();
        } catch (Refusal e) {
            return e.getMessage() + explanation(e, artifact);
        } catch (IllegalArgumentException e) {   // ArtifactCodec.encode: over a limit of the .cam format
            throw ReplError.of(e.getMessage());
        } catch (IOException e) {
            throw lost(e);
        }
    }

    /** After a refused upgrade, on the next line, why (the REPL holds the artifact), or nothing. */
    private String explanation(Refusal refusal, Artifact artifact) throws ReplError {
        if (!VersionChange.WRONG_VERSION.equals(refusal.getMessage())) return "";
        refresh();
        return UpgradeMismatch.explain(refusal, artifact, info.name(), info.identity())
                .map(why -> System.lineSeparator() + why).orElse("");
    }

    /** The node's answer: {@code Downgrade successful!} or its reason for refusing. */
    @Override public String downgrade() throws ReplError {
        return downgrade(Optional.empty());
    }

    @Override public String downgrade(Optional<ReleaseSignature> signature) throws ReplError {
        try {
            VersionChange change = signature.isPresent() ? client.downgrade(signature.get()) : client.downgrade();
            refresh();
            return change.message();
        } catch (Refusal e) {
            return e.getMessage();
        } catch (IOException e) {
            throw lost(e);
        }
    }

    @Override public List<String> info() throws ReplError {
        refresh();
        return List.of(
                "node     " + address,
                "machine  " + info.name(),
                "identity " + info.identity().hex(),
                "input    " + TypeText.describe(info.input()),
                "output   " + TypeText.describe(info.output()),
                "state    " + TypeText.describe(info.state()));
    }

    @Override public List<String> history() throws ReplError {
        refresh();
        return hotsm.cli.sm.InfoCommand.historyLines(info);
    }

    /** The identity of the machine the node runs (as of the last answer). */
    @Override public hotsm.vm.bytecode.Identity identity() { return info.identity(); }

    /**
     * When the node runs another version than at its last answer to this
     * session (someone else upgraded or downgraded it), says so and follows
     * it: {@code The node now runs Counter2.counter 0c0749b2 (was Counter1.counter dd23c603), changed by another client.}
     */
    Optional<String> changedElsewhere() throws ReplError {
        NodeInfo before = info;
        refresh();
        if (before.identity().equals(info.identity())) return Optional.empty();
        return Optional.of("The node now runs " + info.name() + " " + info.identity().shortHex() + " (was "
                + before.name() + " " + before.identity().shortHex() + "), changed by another client.");
    }

    private void refresh() throws ReplError {
        try {
            info = client.info();
        } catch (Refusal e) {
            throw ReplError.of(e.getMessage());
        } catch (IOException e) {
            throw lost(e);
        }
    }

    private ReplError lost(IOException e) {
        return ReplError.of("lost the node at " + address + ": " + ReplSession.oneLine(e) + " (:disconnect, then :connect again)");
    }

    @Override public String describe() {
        return address + ": " + info.name() + " " + info.identity().shortHex()
                + " : " + info.input() + " -> " + info.output();
    }

    @Override public void close() { client.close(); }
}
