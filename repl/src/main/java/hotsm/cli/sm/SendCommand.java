package hotsm.cli.sm;

import hotsm.cli.Sm;
import hotsm.vm.node.NodeInfo;
import hotsm.vm.node.Refusal;
import hotsm.vm.node.StepResult;
import hotsm.vm.protocol.NodeClient;
import hotsm.vm.value.Value;
import hotsm.vm.value.ValueParser;
import hotsm.vm.value.ValuePrinter;
import hotsm.vm.value.ValueSyntaxException;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code sm send HOST:PORT VALUE...}. */
@Command(name = "send", mixinStandardHelpOptions = true,
        description = {"Send inputs to a node and print its outputs.", "",
                "The values are sent over one connection, in order, and each output is printed on its own line "
                        + "in source syntax. Values are read against the node's input type (from `info`), so no "
                        + "source is needed: `sm send 127.0.0.1:7070 Incr Count`. A value that cannot be read or "
                        + "that the node refuses prints `error: ...` in its place, and the exit status is then 1."})
public final class SendCommand implements Callable<Integer> {

    @ParentCommand Sm sm;

    @Parameters(index = "0", paramLabel = "HOST:PORT", description = "the node")
    String address;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "VALUE", description = "inputs, in source syntax")
    List<String> values;

    @Override public Integer call() {
        PrintWriter out = sm.out();
        boolean refused = false;
        try (NodeClient client = Remote.connect(address)) {
            // Speak the interface the values were read against, even if the node is upgraded meanwhile.
            NodeInfo info = client.info();
            for (String text : values) {
                Value input;
                try {
                    input = ValueParser.parse(info.input(), text);
                } catch (ValueSyntaxException e) {
                    out.println("error: '" + text + "': " + e.getMessage() + " (column " + (e.column() + 1) + ")");
                    refused = true;
                    continue;
                }
                try {
                    StepResult r = client.step(input, info.identity());
                    out.println(ValuePrinter.print(r.outputType(), r.output()));
                } catch (Refusal r) {
                    out.println("error: " + r.getMessage());
                    refused = true;
                }
                out.flush();
            }
        } catch (IOException e) {
            throw Remote.lost(address, e);
        } catch (Refusal r) {
            throw CliError.user(r.getMessage());
        }
        return refused ? Sm.USER_ERROR : Sm.OK;
    }
}
