package hotsm.vm.bytecode;

import hotsm.vm.types.TypeDesc;

/**
 * How to move a node from the artifact that carries this section back to an
 * earlier machine. The target's name, types and step code travel here, so a
 * node can downgrade even if it never ran the target; its identity must be
 * {@code to}.
 *
 * @param to          identity of the target machine
 * @param toName      the target's name
 * @param toInput     the target's input type
 * @param toOutput    the target's output type
 * @param toState     the target's state type
 * @param toStep      the target's step code ({@code toInput -> toOutput}, with state {@code toState})
 * @param migration   pure code {@code ThisState -> TargetState} (it may call this artifact's shared blocks)
 * @param toBlocks    the target's shared blocks, which its step calls (part of its identity)
 */
public record DowngradeSection(
        Identity to, String toName,
        TypeDesc toInput, TypeDesc toOutput, TypeDesc toState,
        Code toStep, Code migration, java.util.List<SharedBlock> toBlocks) {
    public DowngradeSection { toBlocks = java.util.List.copyOf(toBlocks); }

    /** A section whose target has no shared blocks. */
    public DowngradeSection(Identity to, String toName, TypeDesc toInput, TypeDesc toOutput, TypeDesc toState,
                            Code toStep, Code migration) {
        this(to, toName, toInput, toOutput, toState, toStep, migration, java.util.List.of());
    }
}
