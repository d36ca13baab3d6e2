package hotsm.vm.bytecode;

import hotsm.vm.types.TypeDesc;
import hotsm.vm.value.Value;
import java.util.List;

/**
 * One compiled machine, as a {@code <Module>.<machine>.cam} file holds it
 * (LANGUAGE.md §9; byte layout in docs/bytecode.md).
 *
 * @param name         qualified machine name, {@code Module.machine}
 * @param input        input type
 * @param output       output type
 * @param state        state type
 * @param initialState the state a fresh node starts from (not part of the identity)
 * @param step         {@code input -> output}, reading and writing the state register
 * @param upgrades     ways to reach this machine from earlier ones
 * @param downgrades   ways back from this machine to earlier ones
 * @param blocks       the shared blocks that {@code CALL k} in the step, the migrations
 *                     and the adapters runs (block {@code k} is {@code blocks.get(k)})
 */
public record Artifact(
        String name, TypeDesc input, TypeDesc output, TypeDesc state,
        Value initialState, Code step,
        List<UpgradeSection> upgrades, List<DowngradeSection> downgrades, List<SharedBlock> blocks) {
    public Artifact {
        upgrades = List.copyOf(upgrades);
        downgrades = List.copyOf(downgrades);
        blocks = List.copyOf(blocks);
    }

    /** An artifact with no shared blocks. */
    public Artifact(String name, TypeDesc input, TypeDesc output, TypeDesc state, Value initialState, Code step,
                    List<UpgradeSection> upgrades, List<DowngradeSection> downgrades) {
        this(name, input, output, state, initialState, step, upgrades, downgrades, List.of());
    }
}
