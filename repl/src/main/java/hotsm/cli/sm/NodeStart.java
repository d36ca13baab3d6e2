package hotsm.cli.sm;

import hotsm.cli.CliError;
import hotsm.vm.bytecode.Artifact;
import hotsm.vm.bytecode.Identities;
import hotsm.vm.journal.DurableNode;
import hotsm.vm.journal.JournalException;
import hotsm.vm.journal.JournalOptions;
import hotsm.vm.node.Node;
import hotsm.vm.node.NodeOptions;
import hotsm.vm.node.NodeSnapshot;
import hotsm.vm.value.Value;
import hotsm.vm.value.ValueParser;
import hotsm.vm.value.ValueSyntaxException;
import hotsm.vm.verify.VerifyException;
import java.io.IOException;
import java.nio.file.Path;
import hotsm.vm.trust.Signer;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * How {@code sm node} gets its node: in memory from FILE (as before
 * {@code --data-dir}), or in a data directory, fresh from FILE or resumed from
 * the journal there; with the lines to print after {@code listening on}.
 */
final class NodeStart implements AutoCloseable {
    final Node node;
    final List<String> lines;
    private final DurableNode durable;

    private NodeStart(Node node, List<String> lines, DurableNode durable) {
        this.node = node;
        this.lines = lines;
        this.durable = durable;
    }

    /**
     * @param artifact  FILE's machine, or null (only with a data directory that holds a node)
     * @param stateText {@code --state}, or null
     */
    static NodeStart open(Path file, Artifact artifact, String stateText, Path dataDir, JournalOptions journal,
                          NodeOptions options, Consumer<String> onFailure) {
        return open(file, artifact, stateText, dataDir, journal, options, Optional.empty(), onFailure);
    }

    /**
     * The same from a signed release (docs/security.md): without a data
     * directory the history's first entry records its signer (a durable node
     * keeps the releases of its own history instead).
     */
    static NodeStart open(Path file, Artifact artifact, String stateText, Path dataDir, JournalOptions journal,
                          NodeOptions options, Optional<Signer> signedBy, Consumer<String> onFailure) {
        if (artifact == null && dataDir == null) throw CliError.usage("FILE is required (or --data-dir DIR of a node)");
        if (stateText != null && artifact == null) throw CliError.usage("--state needs FILE, whose state type it has");
        Value state = null;
        if (stateText != null) {
            try {
                state = ValueParser.parse(artifact.state(), stateText);
            } catch (ValueSyntaxException e) {
                throw CliError.user("--state: " + e.getMessage());
            }
        }
        try {
            if (dataDir == null) {
                Node node = state == null ? Node.start(artifact, options, signedBy)
                        : Node.resume(NodeSnapshot.started(artifact, Identities.of(artifact), state,
                                options.clock().instant(), signedBy), options);
                return new NodeStart(node, List.of(), null);
            }
            DurableNode d = DurableNode.open(dataDir, artifact, state, journal, options, onFailure);
            List<String> lines = new java.util.ArrayList<>(d.describe(dataDir));
            if (d.opened().fresh()) {
                var info = d.node().info().join();
                lines.add("started " + info.name() + " " + info.identity().shortHex() + " in " + dataDir
                        + " (a new journal)");
            }
            lines.add("journal: fsync " + journal.fsync() + ", a snapshot every " + journal.snapshotEvery()
                    + " records");
            return new NodeStart(d.node(), lines, d);
        } catch (VerifyException e) {
            throw CliError.user((file != null ? file : dataDir) + " does not verify: " + e.getMessage());
        } catch (JournalException e) {
            throw CliError.user(e.getMessage());
        } catch (IOException e) {
            throw CliError.user("cannot use the data directory " + dataDir + ": " + e);
        }
    }

    @Override public void close() {
        if (durable != null) durable.close();
        else node.close();
    }
}
