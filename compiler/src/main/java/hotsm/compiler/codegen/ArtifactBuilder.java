package hotsm.compiler.codegen;

import hotsm.compiler.ir.MachineIr;
import hotsm.vm.bytecode.Artifact;
import hotsm.vm.bytecode.Code;
import hotsm.vm.bytecode.DowngradeSection;
import hotsm.vm.bytecode.Identities;
import hotsm.vm.bytecode.Identity;
import hotsm.vm.bytecode.UpgradeSection;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the artifact of one desugared machine (LANGUAGE.md §9): its name,
 * types, initial state and compiled step code, plus one section per
 * {@code upgrade}/{@code downgrade} declaration. A section names the other
 * machine by its identity, computed here from that machine's own compiled
 * step code, exactly as the node computes the identity of what it runs.
 */
public final class ArtifactBuilder {

    private ArtifactBuilder() {}

    /** The artifact of {@code machine}. */
    public static Artifact build(MachineIr machine) {
        BlockTable blocks = new BlockTable();
        Code step = CamCompiler.compile(machine.step(), blocks);
        List<UpgradeSection> upgrades = new ArrayList<>();
        for (MachineIr.UpgradeIr u : machine.upgrades()) upgrades.add(upgrade(u, blocks));
        List<DowngradeSection> downgrades = new ArrayList<>();
        for (MachineIr.DowngradeIr d : machine.downgrades()) downgrades.add(downgrade(d, blocks));
        return new Artifact(machine.name(), machine.input(), machine.output(), machine.state(),
                machine.initialState(), step, upgrades, downgrades, blocks.blocks());
    }

    /** The identity of {@code machine}: hash of its name, types, the shared blocks its step calls and its step code. */
    public static Identity identity(MachineIr machine) {
        BlockTable blocks = new BlockTable();
        Code step = CamCompiler.compile(machine.step(), blocks);
        return Identities.of(machine.name(), machine.input(), machine.output(), machine.state(), step, blocks.blocks());
    }

    /** {@code upgrade from -> this}: from's identity and declared types, migration and adapters (calling this artifact's blocks). */
    private static UpgradeSection upgrade(MachineIr.UpgradeIr u, BlockTable blocks) {
        MachineIr from = u.from();
        return new UpgradeSection(identity(from), from.name(), from.input(), from.output(), from.state(),
                CamCompiler.compile(u.migration(), blocks),
                u.inputAdapter().map(t -> CamCompiler.compile(t, blocks)),
                u.outputAdapter().map(t -> CamCompiler.compile(t, blocks)));
    }

    /** {@code downgrade this -> to}: to's identity, name, types, step code and blocks, and the migration. */
    private static DowngradeSection downgrade(MachineIr.DowngradeIr d, BlockTable blocks) {
        MachineIr to = d.to();
        BlockTable toBlocks = new BlockTable();
        Code toStep = CamCompiler.compile(to.step(), toBlocks);
        return new DowngradeSection(
                Identities.of(to.name(), to.input(), to.output(), to.state(), toStep, toBlocks.blocks()), to.name(),
                to.input(), to.output(), to.state(), toStep, CamCompiler.compile(d.migration(), blocks), toBlocks.blocks());
    }
}
