package hotsm.cli.smc;

import hotsm.cli.IncludeOption;
import hotsm.cli.MachineFiles;
import hotsm.cli.MachineOption;
import hotsm.cli.Smc;
import hotsm.compiler.IrListing;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code smc ir FILE [--machine NAME] [-I DIR]...}: the typed IR of a file's machines. */
@Command(name = "ir", mixinStandardHelpOptions = true, footer = Smc.EXIT_STATUS,
        description = {"Print the typed IR of the machines defined in a file.",
                "%nFor each machine defined in FILE (or only the one named with --machine): its types, initial "
                        + "state, and the free Cartesian distributive category terms of its step, upgrades and "
                        + "downgrades, each with its type.%n"})
public final class IrCommand implements Callable<Integer> {

    @ParentCommand private Smc smc;

    @Parameters(index = "0", paramLabel = "FILE", description = "The .sm file.")
    private Path file;

    @Mixin MachineOption machine;

    @Mixin IncludeOption includes;

    @Override public Integer call() {
        MachineFiles.Source source = new MachineFiles.Source(file, MachineFiles.compile(List.of(file), includes.get()));
        smc.out().print(machine.name() == null
                ? IrListing.render(source.compilation(), Optional.empty())
                : IrListing.render(source.pickIr(machine.name())));
        return Smc.OK;
    }
}
