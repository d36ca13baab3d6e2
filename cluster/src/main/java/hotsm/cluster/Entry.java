package hotsm.cluster;

import hotsm.vm.bytecode.Identity;
import hotsm.vm.protocol.Messages;

/**
 * What a member sends through Ratis: writes, which become entries of the
 * group's log and are applied by every member in log order, and reads, which
 * a member's state machine answers without a log entry (after Ratis's read
 * index has confirmed it is up to date, or at once for {@link ReadStatus}).
 * {@link EntryCodec} gives each case its bytes.
 */
public sealed interface Entry {

    /**
     * Start the group's machine from an artifact's bytes, if it runs none yet.
     * Every member proposes the file it was started with; the first to be
     * committed wins, and a member whose file names another machine is told so.
     */
    record Init(byte[] artifact) implements Entry {}

    /** Run one input (the body of a protocol {@code STEP} request). */
    record Step(Messages.StepRequest request) implements Entry {}

    /** Upgrade from an artifact's bytes. */
    record Upgrade(byte[] artifact) implements Entry {}

    /** Downgrade through a section of the running artifact. */
    record Downgrade() implements Entry {}

    /** The state and its type (linearizable). */
    record ReadState() implements Entry {}

    /** The machine's name, types and version history (linearizable). */
    record ReadInfo() implements Entry {}

    /** Whether a client speaking {@code identity} can be served (linearizable). */
    record ReadInterface(Identity identity) implements Entry {}

    /** This member's own status: role, term, indices, running version (local, not linearizable). */
    record ReadStatus() implements Entry {}

    /** Whether this goes through the log. */
    default boolean isWrite() {
        return this instanceof Init || this instanceof Step || this instanceof Upgrade || this instanceof Downgrade;
    }
}
