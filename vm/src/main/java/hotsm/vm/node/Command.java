package hotsm.vm.node;

import hotsm.vm.bytecode.Artifact;
import hotsm.vm.bytecode.Identity;
import hotsm.vm.trust.ReleaseSignature;
import hotsm.vm.value.Value;
import java.util.Optional;

/**
 * What a node can be asked to do: plain data, so a {@link CommandLog} can
 * journal it and a replica can replay it.
 */
public sealed interface Command {

    /**
     * Run one input.
     *
     * @param input    a value of the input type of the interface the client speaks
     * @param speaking the identity of the version whose interface the client
     *                 speaks; empty means the running one
     */
    record Step(Value input, Optional<Identity> speaking) implements Command {}

    /** Move to the machine of {@code artifact} through one of its upgrade sections. */
    record Upgrade(Artifact artifact) implements Command {}

    /**
     * The same from an artifact's {@code .cam} bytes, as they came over the
     * network: these bytes are what a journal records. Decoded before the
     * command is queued ({@link Node}'s preparation, after the signature), but
     * a bad file is refused and traced in its turn like any other refused
     * upgrade.
     */
    record UpgradeFromBytes(byte[] artifact) implements Command {}

    /** Move back through a downgrade section of the running artifact. */
    record Downgrade() implements Command {}

    /**
     * An upgrade or downgrade with the release signature that came with it
     * (docs/security.md); a node with trusted keys applies only changes wrapped so.
     */
    record Signed(Command change, ReleaseSignature signature) implements Command {
        public Signed {
            if (!(change instanceof Upgrade || change instanceof UpgradeFromBytes || change instanceof Downgrade)) {
                throw new IllegalArgumentException("only an upgrade or a downgrade is signed, not " + change);
            }
            java.util.Objects.requireNonNull(signature);
        }
    }

    /** Read the current state (orders with the steps around it). */
    record ReadState() implements Command {}

    /** Read the name, identity, types and version history. */
    record ReadInfo() implements Command {}

    /** Take a {@link NodeSnapshot}: everything the node knows, between two commands. */
    record ReadSnapshot() implements Command {}

    /** Write a snapshot to the node's data directory ({@code sm snapshot}); answered with a {@link SnapshotWritten}. */
    record WriteSnapshot() implements Command {}

    /** Check that a client speaking {@code identity} can be served, and with which types. */
    record ReadInterface(Identity identity) implements Command {}

    /** Whether the command can change the node (the rest are reads a journal may skip). */
    default boolean changesNode() {
        return this instanceof Step || this instanceof Upgrade || this instanceof UpgradeFromBytes
                || this instanceof Downgrade || this instanceof Signed;
    }
}
