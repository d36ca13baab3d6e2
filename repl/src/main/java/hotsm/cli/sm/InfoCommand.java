package hotsm.cli.sm;

import hotsm.cli.NodeAddress;
import hotsm.cli.Sm;
import hotsm.cluster.GroupClient;
import hotsm.cluster.GroupView;
import hotsm.vm.node.NodeInfo;
import hotsm.vm.node.Version;
import hotsm.vm.types.TypeText;
import java.util.ArrayList;
import java.util.List;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code sm info HOST:PORT}. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = {"Show the machine a node runs and its version history.", "",
                "Prints the machine's name, identity, input/output/state types with their constructors, and "
                        + "the versions it has run, oldest first, with when and how each came. A member of a replicated "
                        + "group also shows the group, as `sm cluster status` does."})
public final class InfoCommand implements Callable<Integer> {

    @ParentCommand Sm sm;

    @Mixin ClientTimeoutOption timeout;

    @Mixin NodeAddress address;

    @Mixin ClientSecurityOptions security;

    /**
     * A node's history, oldest first, as `sm info` and the REPL's {@code :history} print it: first how
     * many older versions its bound compacted away (issue 10: "count reported"), if any.
     */
    public static List<String> historyLines(NodeInfo info) {
        List<String> lines = new ArrayList<>();
        if (info.omitted() > 0) lines.add("(" + info.omitted() + " older versions compacted)");
        for (Version v : info.history()) lines.add(v.describe());
        return lines;
    }

    @Override public Integer call() {
        return Remote.read(address.text(), timeout.get(), security, client -> {
            NodeInfo info = client.info();
            PrintWriter out = sm.out();
            out.println("machine   " + info.name());
            out.println("identity  " + info.identity().hex());
            out.println("input     " + TypeText.describe(info.input()));
            out.println("output    " + TypeText.describe(info.output()));
            out.println("state     " + TypeText.describe(info.state()));
            out.println("history");
            for (String line : historyLines(info)) out.println("  " + line);
            // A member of a replicated group also shows its group (docs/cluster.md).
            Optional<GroupView> group = GroupClient.view(client);
            if (group.isPresent()) for (String line : group.get().describe()) out.println(line);
        });
    }
}
