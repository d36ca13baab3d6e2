package hotsm.cli.sm;

import hotsm.cli.NodeAddress;
import hotsm.cli.Sm;
import hotsm.vm.node.SnapshotWritten;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code sm snapshot HOST:PORT}. */
@Command(name = "snapshot", mixinStandardHelpOptions = true,
        description = {"Make a durable node write a snapshot now.", "",
                "The node (started with --data-dir) writes its machine, state and version history between two "
                        + "inputs, forced to disk, and deletes the journal segments it no longer needs; recovery then "
                        + "starts from it. Prints `snapshot at record N: FILE`. A node without --data-dir refuses "
                        + "(exit status 1). See docs/durability.md."})
public final class SnapshotCommand implements Callable<Integer> {

    @ParentCommand Sm sm;

    @Mixin ClientTimeoutOption timeout;

    @Mixin NodeAddress address;

    @Mixin ClientSecurityOptions security;

    @Override public Integer call() {
        return Remote.read(address.text(), timeout.get(), security, client -> {
            SnapshotWritten s = client.snapshot();
            sm.out().println("snapshot at record " + s.position() + ": " + s.file());
        });
    }
}
