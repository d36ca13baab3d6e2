package hotsm.vm.bytecode;

import hotsm.vm.types.TypeDesc;
import java.util.Optional;

/**
 * How to move a node from the machine {@code from} (known only by its identity
 * and declared types) to the machine of the artifact that carries this section.
 *
 * @param from          identity the running machine must have
 * @param fromName      that machine's name, for messages
 * @param oldInput      declared input type of the old machine
 * @param oldOutput     declared output type of the old machine
 * @param oldState      declared state type of the old machine
 * @param migration     pure code {@code OldState -> NewState}
 * @param inputAdapter  optional pure code {@code OldInput -> NewInput}
 * @param outputAdapter optional pure code {@code NewOutput -> OldOutput}
 */
public record UpgradeSection(
        Identity from, String fromName,
        TypeDesc oldInput, TypeDesc oldOutput, TypeDesc oldState,
        Code migration, Optional<Code> inputAdapter, Optional<Code> outputAdapter) {}
