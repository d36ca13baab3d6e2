package hotsm.cli.sm;

import hotsm.cli.CliError;
import hotsm.cli.NodeAddress;
import hotsm.cli.Sm;
import hotsm.vm.node.Refusal;
import hotsm.vm.node.VersionChange;
import hotsm.vm.protocol.HostPort;
import hotsm.vm.protocol.NodeClient;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/** Opening a client connection for the client subcommands, with one-line errors. */
final class Remote {
    private Remote() {}

    /** @param timeout null for the client's defaults */
    static NodeClient connect(String address, Duration timeout, ClientSecurityOptions options) {
        HostPort hp = NodeAddress.parse(address);
        hotsm.vm.protocol.ConnectionSecurity security = options.security();
        try {
            return NodeClient.connect(hp, Optional.empty(), timeout, security);
        } catch (IOException e) {
            throw lost(hp.toString(), e);
        }
    }

    static CliError lost(String address, IOException e) {
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return CliError.user("cannot talk to a node at " + address + ": " + why);
    }

    /** A request that reads something from a node and prints it. */
    interface Read {
        void ask(NodeClient client) throws IOException;
    }

    /**
     * Connects and runs {@code read} (exit status 0); a refusal or a lost
     * connection is the command's one-line error (exit status 1).
     */
    static int read(String address, Duration timeout, ClientSecurityOptions options, Read read) {
        try (NodeClient client = connect(address, timeout, options)) {
            read.ask(client);
            return Sm.OK;
        } catch (Refusal r) {
            throw CliError.user(r.getMessage());
        } catch (IOException e) {
            throw lost(address, e);
        }
    }

    /** A request that moves a node to another version: an upgrade or a downgrade. */
    interface VersionRequest {
        VersionChange send(NodeClient client) throws IOException;
    }

    /**
     * Connects, sends {@code request} and prints the node's answer on standard
     * output: the change (its message, then old -> new) with exit status 0, or
     * the node's reason for refusing with exit status 1.
     */
    static int changeVersion(Sm sm, String address, Duration timeout, ClientSecurityOptions options,
                             VersionRequest request) {
        try (NodeClient client = connect(address, timeout, options)) {
            VersionChange change = request.send(client);
            sm.out().println(change.message());
            sm.out().println(change.describe());
            return Sm.OK;
        } catch (Refusal r) {
            sm.out().println(r.getMessage());
            return Sm.USER_ERROR;
        } catch (IOException e) {
            throw lost(address, e);
        }
    }
}
