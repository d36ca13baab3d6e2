package hotsm.vm.node;

import hotsm.vm.bytecode.Artifact;
import hotsm.vm.bytecode.Code;
import hotsm.vm.bytecode.DowngradeSection;
import hotsm.vm.bytecode.Identity;
import hotsm.vm.bytecode.UpgradeSection;
import java.util.List;
import java.util.Optional;

/**
 * A running machine's twin, for {@link TypeProfiles}: the same machine (types, step code, shared
 * blocks) under another name, so another identity, with an upgrade section from the original and a
 * downgrade section back to it, both migrations the empty block (the state as it is). Upgrading a
 * scratch machine to it and back runs the machine thread's whole version-change path, and a second
 * compiled step class, without any artifact but the node's own. Never run by a node.
 */
final class Twin {
    private Twin() {}

    /** The twin's name: the original's, its last part marked (still a machine name). */
    static String name(String original) {
        return original + "_twin";
    }

    /** The twin of {@code original}, whose identity is {@code identity}. */
    static Artifact of(Artifact original, Identity identity) {
        Code same = new Code(List.of());   // the state as it is: the types are the same
        UpgradeSection up = new UpgradeSection(identity, original.name(), original.input(), original.output(),
                original.state(), same, Optional.empty(), Optional.empty());
        DowngradeSection down = new DowngradeSection(identity, original.name(), original.input(), original.output(),
                original.state(), original.step(), same, original.blocks());
        return new Artifact(name(original.name()), original.input(), original.output(), original.state(),
                original.initialState(), original.step(), List.of(up), List.of(down), original.blocks());
    }
}
