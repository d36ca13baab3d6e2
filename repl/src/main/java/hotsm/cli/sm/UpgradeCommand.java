package hotsm.cli.sm;

import hotsm.cli.CliError;
import hotsm.cli.IncludeOption;
import hotsm.cli.MachineFiles;
import hotsm.cli.MachineOption;
import hotsm.cli.NodeAddress;
import hotsm.cli.Sm;
import hotsm.vm.bytecode.Artifact;
import hotsm.vm.bytecode.ArtifactCodec;
import hotsm.vm.bytecode.Identity;
import hotsm.vm.node.NodeInfo;
import hotsm.vm.node.Refusal;
import hotsm.vm.node.VersionChange;
import hotsm.vm.protocol.NodeClient;
import hotsm.vm.trust.ReleaseSignature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code sm upgrade HOST:PORT FILE(.cam|.sm) [--machine NAME] [-I DIR]}. */
@Command(name = "upgrade", mixinStandardHelpOptions = true,
        description = {"Upgrade a running node to the machine in FILE.", "",
                "A .sm file is compiled first; of several machines it defines, --machine names one, else the one "
                        + "with an upgrade section from the machine the node runs is sent. A .cam file is sent as it "
                        + "is. The node looks for an upgrade section from the machine it runs, "
                        + "verifies the artifact, migrates the state between two inputs and swaps code and state "
                        + "in one move. Prints `Upgrade successful!` and the old -> new versions, or the node's "
                        + "reason for refusing (exit status 1); a refused upgrade changes nothing."})
public final class UpgradeCommand implements Callable<Integer> {

    @ParentCommand Sm sm;

    @Mixin ClientTimeoutOption timeout;

    @Mixin NodeAddress address;

    @Mixin ClientSecurityOptions security;

    @Parameters(index = "1", paramLabel = "FILE", description = "a .cam artifact, or a .sm file")
    Path file;

    @Mixin MachineOption machine;

    @Mixin IncludeOption includes;

    @Option(names = "--signature", paramLabel = "FILE.sig",
            description = "the release signature to send (default for a .cam file: FILE.cam.sig beside it, if any;"
                    + " a node started with --trust needs one)")
    Path signature;

    @Override public Integer call() {
        Optional<ReleaseSignature> sig = Signatures.forUpgrade(signature, file, MachineFiles.isArtifact(file));
        return Remote.changeVersion(sm, address.text(), timeout.get(), security,
                client -> explained(client, artifactFor(client), sig));
    }

    /**
     * Sends the upgrade (with its release signature, if any); a refusal for want of a matching upgrade
     * section gets, after the node's sentence, the client's explanation ({@link UpgradeMismatch}).
     */
    private static VersionChange explained(NodeClient client, byte[] artifact, Optional<ReleaseSignature> sig)
            throws IOException {
        try {
            return sig.isPresent() ? client.upgrade(artifact, sig.get()) : client.upgrade(artifact);
        } catch (Refusal r) {
            if (!VersionChange.WRONG_VERSION.equals(r.getMessage())) throw r;
            NodeInfo running = client.info();
            String why = UpgradeMismatch.explain(ArtifactCodec.decode(artifact), running.name(), running.identity());
            throw new Refusal(r.reason(), r.getMessage() + System.lineSeparator() + why);
        }
    }

    /** The artifact bytes to send: FILE itself, or FILE compiled (picking the machine that upgrades the running one). */
    private byte[] artifactFor(NodeClient client) throws IOException {
        if (MachineFiles.isArtifact(file)) {   // sent as it is: the node judges it (verifies) and says why it refuses
            if (machine.name() == null) return MachineFiles.readArtifactBytes(file);
            return MachineFiles.readArtifact(file).pick(machine.name(), null, MachineOption.HOW_TO_PICK).bytes();
        }
        Identity running = client.info().identity();
        return MachineFiles.open(file, includes.get())
                .pick(machine.name(), m -> m.upgrades().stream().anyMatch(u -> u.from().equals(running)),
                        MachineOption.HOW_TO_PICK).bytes();
    }
}
