package hotsm.cli;

import hotsm.vm.protocol.HostPort;
import picocli.CommandLine.Parameters;

/** The {@code HOST:PORT} every client command takes first: the node's client address. */
public final class NodeAddress {

    @Parameters(index = "0", paramLabel = "HOST:PORT", description = "the node (a member's client address, for a group)")
    String text;

    /** The address {@code text}, as picocli fills it in from a command line's first parameter. */
    public static NodeAddress of(String text) {
        NodeAddress a = new NodeAddress();
        a.text = text;
        return a;
    }

    /** As typed. */
    public String text() { return text; }

    /** Parsed; a malformed address is a usage error (exit 2). */
    public HostPort parse() { return parse(text); }

    /** {@code text} parsed; a malformed address is a usage error (exit 2). */
    public static HostPort parse(String text) {
        try {
            return HostPort.parse(text);
        } catch (IllegalArgumentException e) {
            throw CliError.usage(e.getMessage());
        }
    }

    @Override public String toString() { return text; }
}
