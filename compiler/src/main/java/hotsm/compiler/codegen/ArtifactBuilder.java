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
        List<UpgradeSection> upgrades = new ArrayList<>();
        for (MachineIr.UpgradeIr u : machine.upgrades()) upgrades.add(upgrade(u));
        List<DowngradeSection> downgrades = new ArrayList<>();
        for (MachineIr.DowngradeIr d : machine.downgrades()) downgrades.add(downgrade(d));
        return new Artifact(machine.name(), machine.input(), machine.output(), machine.state(),
                machine.initialState(), CamCompiler.compile(machine.step()), upgrades, downgrades);
    }

    /** The identity of {@code machine}: hash of its name, types and compiled step code. */
    public static Identity identity(MachineIr machine) {
        return Identities.of(machine.name(), machine.input(), machine.output(), machine.state(),
                CamCompiler.compile(machine.step()));
    }

    /** {@code upgrade from -> this}: from's identity and declared types, migration and adapters. */
    private static UpgradeSection upgrade(MachineIr.UpgradeIr u) {
        MachineIr from = u.from();
        return new UpgradeSection(identity(from), from.name(), from.input(), from.output(), from.state(),
                CamCompiler.compile(u.migration()),
                u.inputAdapter().map(CamCompiler::compile),
                u.outputAdapter().map(CamCompiler::compile));
    }

    /** {@code downgrade this -> to}: to's identity, name, types and step code, and the migration. */
    private static DowngradeSection downgrade(MachineIr.DowngradeIr d) {
        MachineIr to = d.to();
        Code toStep = CamCompiler.compile(to.step());
        return new DowngradeSection(
                Identities.of(to.name(), to.input(), to.output(), to.state(), toStep), to.name(),
                to.input(), to.output(), to.state(), toStep, CamCompiler.compile(d.migration()));
    }
}
