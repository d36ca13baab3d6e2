package hotsm.cli.sm;

import hotsm.vm.protocol.HostPort;
import hotsm.vm.protocol.NodeClient;
import java.io.IOException;

/** Opening a client connection for the client subcommands, with one-line errors. */
final class Remote {
    private Remote() {}

    static HostPort address(String text) {
        try {
            return HostPort.parse(text);
        } catch (IllegalArgumentException e) {
            throw CliError.usage(e.getMessage());
        }
    }

    static NodeClient connect(String address) {
        HostPort hp = address(address);
        try {
            return NodeClient.connect(hp);
        } catch (IOException e) {
            throw lost(hp.toString(), e);
        }
    }

    static CliError lost(String address, IOException e) {
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return CliError.user("cannot talk to a node at " + address + ": " + why);
    }
}
