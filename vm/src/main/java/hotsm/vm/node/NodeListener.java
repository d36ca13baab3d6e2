package hotsm.vm.node;

import hotsm.vm.types.TypeDesc;
import hotsm.vm.value.Value;

/**
 * Told what the machine thread did, in order, on the machine thread (so keep
 * it quick). {@link StepTrace} is the one that prints the trace.
 */
public interface NodeListener {

    /** An input ran on the running machine (before any output adapter). */
    default void stepped(TypeDesc outputType, Value output, TypeDesc stateType, Value newState) { }

    /** An input was refused (bad value, runtime error, unknown interface). */
    default void stepFailed(String reason) { }

    /** An upgrade or downgrade took effect. */
    default void changed(VersionChange change) { }

    /** An upgrade or downgrade was refused; nothing changed. */
    default void changeRefused(VersionChange.Kind kind, String reason) { }

    NodeListener NONE = new NodeListener() { };
}
