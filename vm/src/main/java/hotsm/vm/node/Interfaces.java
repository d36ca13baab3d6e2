package hotsm.vm.node;

import hotsm.vm.bytecode.Artifact;
import hotsm.vm.bytecode.Code;
import hotsm.vm.bytecode.Identity;
import hotsm.vm.bytecode.UpgradeSection;
import hotsm.vm.machine.LoadedCode;
import hotsm.vm.types.TypeDesc;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Backward compatibility (issue 4 item 4): how to serve a client that speaks
 * the interface of an earlier version. Walk back from the running artifact
 * through its upgrade sections (and those of the artifacts the node has run)
 * to the client's version; each hop contributes its input adapter
 * ({@code OldInput -> NewInput}) and output adapter
 * ({@code NewOutput -> OldOutput}), or nothing when the types are equal. A
 * hop whose types differ and that has no adapter breaks the chain.
 */
final class Interfaces {
    private Interfaces() {}

    /**
     * The route from a client's interface to the running machine.
     *
     * @param inputAdapters  to apply to the client's input, in order (loaded with their artifact's shared blocks)
     * @param outputAdapters to apply to the machine's output, in order
     */
    record Route(InterfaceView view, List<LoadedCode> inputAdapters, List<LoadedCode> outputAdapters) {
        boolean direct() { return inputAdapters.isEmpty() && outputAdapters.isEmpty(); }
    }

    /** One upgrade step backwards: the section, and the artifact that carries it. */
    private record Hop(UpgradeSection section, Artifact to) {}

    /** @throws Refusal (UNKNOWN_INTERFACE) if the node cannot adapt {@code speaking} */
    static Route route(NodeSnapshot node, Identity speaking) {
        Artifact running = node.artifact();
        if (speaking.equals(node.identity())) {
            return new Route(new InterfaceView(speaking, running.input(), running.output()), List.of(), List.of());
        }
        List<Hop> hops = search(node, node.artifact(), speaking, new HashSet<>());
        if (hops != null) {
            Route r = compose(hops, speaking, running);
            if (r != null) return r;
        }
        // A version with exactly the running interface (after a downgrade, say) needs no adapter.
        Artifact known = node.known().get(speaking);
        if (known != null && known.input().equals(running.input()) && known.output().equals(running.output())) {
            return new Route(new InterfaceView(speaking, known.input(), known.output()), List.of(), List.of());
        }
        throw new Refusal(Refusal.Reason.UNKNOWN_INTERFACE, "This node cannot serve a client speaking version "
                + speaking.shortHex() + ": the running machine " + running.name() + " " + node.identity().shortHex()
                + (hops == null ? " has no chain of upgrades from it." : " has no input/output adapters from it.")
                + " Ask `info` for the running version.");
    }

    /** The hops from the running artifact back to {@code target}, running side first; null if none. */
    private static List<Hop> search(NodeSnapshot node, Artifact at, Identity target, Set<Identity> seen) {
        for (UpgradeSection u : at.upgrades()) {
            if (u.from().equals(target)) {
                List<Hop> path = new ArrayList<>();
                path.add(new Hop(u, at));
                return path;
            }
        }
        for (UpgradeSection u : at.upgrades()) {
            Artifact earlier = node.known().get(u.from());
            if (earlier == null || !seen.add(u.from())) continue;
            List<Hop> rest = search(node, earlier, target, seen);
            if (rest != null) {
                rest.add(0, new Hop(u, at));
                return rest;
            }
        }
        return null;
    }

    /** Adapters for each hop, or null if a hop changes a type without one. */
    private static Route compose(List<Hop> hops, Identity speaking, Artifact running) {
        List<LoadedCode> in = new ArrayList<>();
        List<LoadedCode> out = new ArrayList<>();
        for (Hop hop : hops) {
            UpgradeSection u = hop.section();
            if (!adaptable(u.inputAdapter(), u.oldInput(), hop.to().input())
                    || !adaptable(u.outputAdapter(), u.oldOutput(), hop.to().output())) {
                return null;
            }
            List<hotsm.vm.bytecode.SharedBlock> blocks = hop.to().blocks();
            u.inputAdapter().ifPresent(c -> in.add(0, LoadedCode.load(c, blocks)));   // the client's side runs first
            u.outputAdapter().ifPresent(c -> out.add(LoadedCode.load(c, blocks)));    // the running side runs first
        }
        UpgradeSection oldest = hops.get(hops.size() - 1).section();
        return new Route(new InterfaceView(speaking, oldest.oldInput(), oldest.oldOutput()), in, out);
    }

    /** A hop can carry values across if it has adapter code, or if the types are the same. */
    private static boolean adaptable(Optional<Code> code, TypeDesc older, TypeDesc newer) {
        return code.isPresent() || older.equals(newer);
    }
}
