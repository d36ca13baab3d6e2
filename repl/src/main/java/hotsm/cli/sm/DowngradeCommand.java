package hotsm.cli.sm;

import hotsm.cli.NodeAddress;
import hotsm.cli.Sm;
import hotsm.vm.trust.ReleaseSignature;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code sm downgrade HOST:PORT}. */
@Command(name = "downgrade", mixinStandardHelpOptions = true,
        description = {"Move a running node back to the version it came from.", "",
                "Uses the downgrade section of the machine the node runs. Prints `Downgrade successful!` and the "
                        + "old -> new versions, or the node's reason for refusing (exit status 1)."})
public final class DowngradeCommand implements Callable<Integer> {

    @ParentCommand Sm sm;

    @Mixin ClientTimeoutOption timeout;

    @Mixin NodeAddress address;

    @Mixin ClientSecurityOptions security;

    @Option(names = "--signature", paramLabel = "FILE.sig",
            description = "the release signature to send (`smc sign --downgrade` writes it; a node started with"
                    + " --trust needs one)")
    Path signature;

    @Override public Integer call() {
        Optional<ReleaseSignature> sig = Optional.ofNullable(signature).map(Signatures::read);
        return Remote.changeVersion(sm, address.text(), timeout.get(), security,
                client -> sig.isPresent() ? client.downgrade(sig.get()) : client.downgrade());
    }
}
