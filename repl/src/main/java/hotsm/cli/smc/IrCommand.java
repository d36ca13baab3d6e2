package hotsm.cli.smc;

import hotsm.cli.Smc;
import hotsm.compiler.Compilation;
import hotsm.compiler.IrListing;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
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

    @Option(names = {"-m", "--machine"}, paramLabel = "NAME",
            description = "Only this machine (machine or Module.machine).")
    private String machine;

    @Option(names = {"-I", "--include"}, paramLabel = "DIR",
            description = "Also look for imported modules in DIR (repeatable).")
    private List<Path> includes = new ArrayList<>();

    @Override public Integer call() {
        Compilation c = Sources.compile(List.of(file), includes, smc.err());
        smc.out().print(machine == null
                ? IrListing.render(c, Optional.empty())
                : IrListing.render(Sources.choose(c, Optional.of(machine), file.toString())));
        return Smc.OK;
    }
}
