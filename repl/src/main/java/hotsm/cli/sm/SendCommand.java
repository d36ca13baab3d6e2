package hotsm.cli.sm;

import hotsm.cli.Sm;
import hotsm.vm.bytecode.Identity;
import hotsm.vm.node.InterfaceView;
import hotsm.vm.node.NodeInfo;
import hotsm.vm.node.Refusal;
import hotsm.vm.node.StepResult;
import hotsm.vm.node.Version;
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
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code sm send HOST:PORT VALUE...}. */
@Command(name = "send", mixinStandardHelpOptions = true,
        description = {"Send inputs to a node and print its outputs.", "",
                "The values are sent over one connection, in order, and each output is printed on its own line "
                        + "in source syntax. Values are read against the node's input type (from `info`), so no "
                        + "source is needed: `sm send 127.0.0.1:7070 Incr Count`. A value that cannot be read or "
                        + "that the node refuses prints `error: ...` in its place, and the exit status is then 1. "
                        + "With --as VERSION the values are an earlier version's inputs, which the node adapts "
                        + "through its upgrades' input/output adapters (backward compatibility)."})
public final class SendCommand implements Callable<Integer> {

    @ParentCommand Sm sm;

    @Mixin ClientTimeoutOption timeout;

    @Parameters(index = "0", paramLabel = "HOST:PORT", description = "the node")
    String address;

    @Mixin ClientSecurityOptions security;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "VALUE", description = "inputs, in source syntax")
    List<String> values;

    @Option(names = "--as", paramLabel = "VERSION",
            description = "speak the interface of an earlier version (an identity, or its first hex digits as"
                    + " `sm info` shows them): values are read as that version's inputs and the node adapts them")
    String as;

    @Override public Integer call() {
        PrintWriter out = sm.out();
        boolean refused = false;
        try (NodeClient client = Remote.connect(address, timeout.get(), security)) {
            // Speak the interface the values were read against, even if the node is upgraded meanwhile.
            // Only the running version, as the client learnt it at connect, not the whole history
            // (unless --as must look a prefix up in it).
            NodeInfo info = as == null ? client.speakingInfo().orElseThrow() : client.info();
            InterfaceView speaking = as == null
                    ? new InterfaceView(info.identity(), info.input(), info.output())
                    : client.interfaceOf(version(info, as));
            for (String text : values) {
                Value input;
                try {
                    input = ValueParser.parse(speaking.input(), text);
                } catch (ValueSyntaxException e) {
                    out.println("error: '" + text + "': " + e.getMessage() + " (column " + (e.column() + 1) + ")");
                    refused = true;
                    continue;
                }
                try {
                    StepResult r = client.step(input, speaking.identity());
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

    /** A full identity, or a prefix of one in the node's history. */
    static Identity version(NodeInfo info, String text) {
        String hex = text.toLowerCase(java.util.Locale.ROOT);
        if (!hex.matches("[0-9a-f]{4,64}")) {
            throw CliError.usage("--as takes a version identity in hex (at least 4 digits), got '" + text + "'");
        }
        if (hex.length() == 64) return Identity.parseHex(hex);
        java.util.Set<Identity> matches = new java.util.LinkedHashSet<>();
        for (Version v : info.history()) if (v.identity().hex().startsWith(hex)) matches.add(v.identity());
        if (matches.size() == 1) return matches.iterator().next();
        throw CliError.user(matches.isEmpty()
                ? "no version " + text + " in the node's history (see `sm info`); give the full identity"
                : "version " + text + " is ambiguous in the node's history; give more digits");
    }
}
