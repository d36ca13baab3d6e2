package hotsm.vm.node;

import hotsm.vm.bytecode.Identity;
import hotsm.vm.types.TypeDesc;
import java.util.List;

/**
 * What a node says about itself: the running machine and how it got there.
 *
 * @param history oldest first; the last entry is the running version
 */
public record NodeInfo(String name, Identity identity, TypeDesc input, TypeDesc output, TypeDesc state,
                       List<Version> history) {
    public NodeInfo { history = List.copyOf(history); }
}
