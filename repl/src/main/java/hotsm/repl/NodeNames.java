package hotsm.repl;

import hotsm.vm.node.NodeInfo;
import hotsm.vm.types.TypeDesc;
import hotsm.vm.types.TypeText;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the names of an attached node's machine are, from its {@code info} (no source needed): its
 * machine, the data types its input, output and state mention, and their constructors. The REPL's
 * {@code :type} and {@code :info} answer from here when the loaded file and the definitions have no
 * such name, in the words they use for a loaded file's names.
 */
final class NodeNames {
    private NodeNames() {}

    /** {@code Incr3 : Input3}, {@code counter : machine Input3 -> Output3, state (Int, Bool)}. */
    static Optional<String> type(String name, NodeInfo node) {
        if (namesMachine(name, node)) return Optional.of(name + " : machine " + signature(node));
        return constructor(name, node).map(c -> c.type);
    }

    /** {@code :info NAME}'s lines for one of the node's names, or none. */
    static List<String> info(String name, NodeInfo node) {
        if (namesMachine(name, node)) {
            return List.of("machine " + node.name() + " : " + signature(node) + "    -- the node's machine");
        }
        for (TypeDesc.Data d : dataTypes(node)) {
            if (d.name().equals(name)) {
                return List.of("data " + TypeText.inline(d) + "    -- a data type of the node's machine");
            }
        }
        return constructor(name, node).map(c -> List.of(c.type + "    -- a constructor of data " + TypeText.inline(c.of)))
                .orElse(List.of());
    }

    private record Found(String type, TypeDesc.Data of) {}

    private static Optional<Found> constructor(String name, NodeInfo node) {
        for (TypeDesc.Data d : dataTypes(node)) {
            for (TypeDesc.Constructor c : d.constructors()) {
                if (!c.name().equals(name)) continue;
                StringBuilder t = new StringBuilder(name).append(" : ");
                for (TypeDesc f : c.fields()) t.append(f).append(" -> ");
                return Optional.of(new Found(t.append(d).toString(), d));
            }
        }
        return Optional.empty();
    }

    /** The machine by its qualified name or its bare one. */
    private static boolean namesMachine(String name, NodeInfo node) {
        String qualified = node.name();
        return name.equals(qualified) || name.equals(qualified.substring(qualified.lastIndexOf('.') + 1));
    }

    private static String signature(NodeInfo node) {
        return node.input() + " -> " + node.output() + ", state " + node.state();
    }

    private static List<TypeDesc.Data> dataTypes(NodeInfo node) {
        List<TypeDesc.Data> all = new ArrayList<>();
        for (TypeDesc t : List.of(node.input(), node.output(), node.state())) {
            for (TypeDesc.Data d : TypeText.dataTypes(t)) {
                if (all.stream().noneMatch(seen -> seen.toString().equals(d.toString()))) all.add(d);
            }
        }
        return all;
    }
}
