package hotsm.cli.sm;

import hotsm.cli.NodeAddress;
import hotsm.cli.Sm;
import hotsm.vm.node.StateView;
import hotsm.vm.value.ValuePrinter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code sm state HOST:PORT}. */
@Command(name = "state", mixinStandardHelpOptions = true,
        description = "Print a node's current state in source syntax, e.g. `(2, 4)`.")
public final class StateCommand implements Callable<Integer> {

    @ParentCommand Sm sm;

    @Mixin ClientTimeoutOption timeout;

    @Mixin NodeAddress address;

    @Mixin ClientSecurityOptions security;

    @Override public Integer call() {
        return Remote.read(address.text(), timeout.get(), security, client -> {
            StateView s = client.state();
            sm.out().println(ValuePrinter.print(s.type(), s.value()));
        });
    }
}
