package hotsm.cluster;

import hotsm.vm.protocol.ErrorCode;
import hotsm.vm.protocol.Frame;
import hotsm.vm.protocol.MessageType;
import hotsm.vm.protocol.Messages;
import hotsm.vm.protocol.NodeClient;
import hotsm.vm.protocol.ProtocolException;
import java.io.IOException;
import java.util.Optional;

/** Asks a node for its group ({@code GROUP} request): {@code sm info} and {@code sm cluster status}. */
public final class GroupClient {
    private GroupClient() {}

    /**
     * The group as the node at the other end sees it; empty if it is a single
     * node (or an older one that does not know the request).
     */
    public static Optional<GroupView> view(NodeClient client) throws IOException {
        Frame f = client.awaitReply(client.request(MessageType.GROUP.code(), new byte[0]));
        try {
            if (f.messageType() == MessageType.ERROR) {
                Messages.ErrorReply error = Messages.error(f.body());
                if (error.code() == ErrorCode.MALFORMED || error.code() == ErrorCode.UNKNOWN_REQUEST) {
                    return Optional.empty();
                }
                throw error.toRefusal();
            }
            if (f.messageType() != MessageType.GROUP_REPLY) {
                throw new IOException("the node answered " + f.messageType() + " where GROUP_REPLY was expected");
            }
            return Optional.of(GroupView.decode(f.body()));
        } catch (ProtocolException | IllegalArgumentException e) {
            throw new IOException("unreadable reply from the node: " + e.getMessage(), e);
        }
    }
}
