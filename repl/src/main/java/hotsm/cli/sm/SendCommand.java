package hotsm.cli.sm;

import hotsm.cli.CliError;
import hotsm.cli.NodeAddress;
import hotsm.cli.Sm;
import hotsm.vm.bytecode.Identity;
import hotsm.vm.node.InterfaceView;
import hotsm.vm.node.NodeInfo;
import hotsm.vm.node.Refusal;
import hotsm.vm.node.StepResult;
import hotsm.vm.node.Version;
import hotsm.vm.protocol.Frame;
import hotsm.vm.protocol.NodeClient;
import hotsm.vm.value.Value;
import hotsm.vm.value.ValueParser;
import hotsm.vm.value.ValuePrinter;
import hotsm.vm.value.ValueSyntaxException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code sm send HOST:PORT [VALUE...|-]}. */
@Command(name = "send", mixinStandardHelpOptions = true,
        description = {"Send inputs to a node and print its outputs.", "",
                "The values are sent over one connection, in order, and each output is printed on its own line "
                        + "in source syntax. Values are read against the node's input type (from `info`), so no "
                        + "source is needed: `sm send 127.0.0.1:7070 Incr Count`. With no VALUE, or with `-`, the "
                        + "values are read from standard input, one per line (blank lines are skipped): "
                        + "`sm send 127.0.0.1:7070 - < inputs.txt`. Values are pipelined: sent without waiting for "
                        + "each output, and the outputs printed in order. A value that cannot be read or "
                        + "that the node refuses prints `error: ...` in its place, and the exit status is then 1. "
                        + "With --as VERSION the values are an earlier version's inputs, which the node adapts "
                        + "through its upgrades' input/output adapters (backward compatibility)."})
public final class SendCommand implements Callable<Integer> {

    /** Inputs in flight at most before the oldest output is awaited. */
    static final int WINDOW = 512;

    @ParentCommand Sm sm;

    @Mixin ClientTimeoutOption timeout;

    @Mixin NodeAddress address;

    @Mixin ClientSecurityOptions security;

    @Parameters(index = "1..*", arity = "0..*", paramLabel = "VALUE",
            description = "inputs, in source syntax; none or `-`: one per line from standard input")
    List<String> values = new ArrayList<>();

    @Option(names = "--as", paramLabel = "VERSION",
            description = "speak the interface of an earlier version (an identity, or its first hex digits as"
                    + " `sm info` shows them): values are read as that version's inputs and the node adapts them")
    String as;

    /** One value's place in the output: its reply to come, or the error that replaces it. */
    private record Pending(CompletableFuture<Frame> reply, String error) {}

    private NodeClient client;
    private InterfaceView speaking;
    private final ArrayDeque<Pending> inFlight = new ArrayDeque<>();
    private final StringBuilder printed = new StringBuilder();
    private boolean refused;

    /**
     * {@code send HOST:PORT [VALUE...|-]} without options, as picocli would fill it in
     * ({@code hotsm.cli.PlainCommandLine}).
     */
    public static SendCommand of(Sm sm, String address, List<String> values) {
        SendCommand c = new SendCommand();
        c.sm = sm;
        c.timeout = new ClientTimeoutOption();
        c.address = NodeAddress.of(address);
        c.security = new ClientSecurityOptions();
        c.values = new ArrayList<>(values);
        return c;
    }

    @Override public Integer call() {
        PrintWriter out = sm.out();
        try (NodeClient c = Remote.connect(address.text(), timeout.get(), security)) {
            client = c;
            // Speak the interface the values were read against, even if the node is upgraded meanwhile.
            // Only the running version, as the client learnt it at connect, not the whole history
            // (unless --as must look a prefix up in it).
            NodeInfo info = as == null ? client.speakingInfo().orElseThrow() : client.info();
            speaking = as == null
                    ? new InterfaceView(info.identity(), info.input(), info.output())
                    : client.interfaceOf(version(info, as));
            if (values.isEmpty() || values.equals(List.of("-"))) {
                BufferedReader in = new BufferedReader(new InputStreamReader(sm.in(), StandardCharsets.UTF_8));
                String line;
                while ((line = in.readLine()) != null) {
                    if (!line.isBlank()) send(line.strip());
                    // Nothing more to read right now (a person typing): show the outputs so far.
                    if (!in.ready()) drain(out, 0);
                }
            } else {
                for (String text : values) send(text);
            }
            drain(out, 0);
        } catch (IOException e) {
            throw Remote.lost(address.text(), e);
        } catch (Refusal r) {
            throw CliError.user(r.getMessage());
        }
        return refused ? Sm.USER_ERROR : Sm.OK;
    }

    private void send(String text) throws IOException {
        if (inFlight.size() >= WINDOW) drain(sm.out(), WINDOW / 2);
        Value input;
        try {
            input = ValueParser.parse(speaking.input(), text);
        } catch (ValueSyntaxException e) {
            inFlight.add(new Pending(null, "error: '" + text + "': " + e.getMessage() + " (column " + (e.column() + 1)
                    + ")"));
            return;
        }
        inFlight.add(new Pending(client.stepAsync(input, speaking.identity()), null));
    }

    /** Prints outputs in order until at most {@code keep} are still in flight, then flushes. */
    private void drain(PrintWriter out, int keep) throws IOException {
        while (inFlight.size() > keep) {
            Pending p = inFlight.poll();
            if (p.error() != null) {
                printed.append(p.error()).append('\n');
                refused = true;
                continue;
            }
            try {
                StepResult r = client.output(p.reply());
                printed.append(ValuePrinter.print(r.outputType(), r.output())).append('\n');
            } catch (Refusal r) {
                printed.append("error: ").append(r.getMessage()).append('\n');
                refused = true;
            }
        }
        out.print(printed);
        out.flush();
        printed.setLength(0);
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
