package hotsm.vm.node;

import hotsm.vm.bytecode.Identity;
import hotsm.vm.types.TypeDesc;
import java.util.List;

/**
 * What a node says about itself: the running machine and how it got there.
 *
 * @param history oldest first; the last entry is the running version
 * @param omitted how many older versions are not in {@code history}: compacted by the node's
 *                history bound ({@link NodeOptions#maxHistory()}) or left out of a reply by request
 */
public record NodeInfo(String name, Identity identity, TypeDesc input, TypeDesc output, TypeDesc state,
                       List<Version> history, long omitted) {
    public NodeInfo {
        history = List.copyOf(history);
        if (omitted < 0) throw new IllegalArgumentException("omitted must not be negative");
    }

    public NodeInfo(String name, Identity identity, TypeDesc input, TypeDesc output, TypeDesc state,
                    List<Version> history) {
        this(name, identity, input, output, state, history, 0);
    }

    /** The same with only the newest {@code n} history entries (at least the running one); null n: all. */
    public NodeInfo newest(Integer n) {
        if (n == null || n >= history.size()) return this;
        int keep = Math.max(1, n);
        if (keep >= history.size()) return this;
        return new NodeInfo(name, identity, input, output, state,
                history.subList(history.size() - keep, history.size()), omitted + history.size() - keep);
    }
}
