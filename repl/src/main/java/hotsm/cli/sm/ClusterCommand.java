package hotsm.cli.sm;

import hotsm.cli.CliError;
import hotsm.cli.NodeAddress;
import hotsm.cli.Sm;
import hotsm.cluster.GroupClient;
import hotsm.cluster.GroupView;
import hotsm.vm.node.Refusal;
import hotsm.vm.protocol.NodeClient;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code sm cluster status HOST:PORT}. */
@Command(name = "cluster", mixinStandardHelpOptions = true,
        description = {"Inspect a replicated group (docs/cluster.md)."},
        subcommands = {ClusterCommand.Status.class})
public final class ClusterCommand implements Callable<Integer> {

    @ParentCommand Sm sm;

    @Override public Integer call() {
        throw CliError.usage("missing subcommand: sm cluster status HOST:PORT");
    }

    /** {@code sm cluster status HOST:PORT}: every member's status, as the member at HOST:PORT gathers it. */
    @Command(name = "status", mixinStandardHelpOptions = true,
            description = {"Show a replicated group: its members, leader, term and commit index, and each "
                    + "member's role, applied index and running version.", "",
                    "HOST:PORT is any member's client address. The member asks each other member over Raft "
                            + "(no quorum needed), so this works while the group has no leader; a member that "
                            + "does not answer within 2 s is shown as unreachable."})
    public static final class Status implements Callable<Integer> {

        @ParentCommand ClusterCommand cluster;

        @Mixin ClientTimeoutOption timeout;

        @Mixin NodeAddress address;

        @Mixin ClientSecurityOptions security;

        @Override public Integer call() {
            Sm sm = cluster.sm;
            try (NodeClient client = Remote.connect(address.text(), timeout.get(), security)) {
                Optional<GroupView> view = GroupClient.view(client);
                if (view.isEmpty()) throw CliError.user(address.text() + " is a single node, not a member of a replicated group");
                for (String line : view.get().describe()) sm.out().println(line);
                return Sm.OK;
            } catch (Refusal r) {
                throw CliError.user(r.getMessage());
            } catch (IOException e) {
                throw Remote.lost(address.text(), e);
            }
        }
    }
}
