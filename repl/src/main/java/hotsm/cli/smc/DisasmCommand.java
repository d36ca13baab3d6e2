package hotsm.cli.smc;

import hotsm.cli.MachineFiles;
import hotsm.cli.Smc;
import hotsm.vm.bytecode.Disassembler;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code smc disasm FILE.cam}: verify, then list the artifact. */
@Command(name = "disasm", mixinStandardHelpOptions = true, footer = Smc.EXIT_STATUS,
        description = {"Verify a .cam artifact and list it.",
                "%nPrints the machine's name, identity, types, initial state, upgrade and downgrade sections "
                        + "and an indented listing of its code. A corrupted, truncated or ill-typed artifact is "
                        + "refused with a one-line error (exit 1).%n"})
public final class DisasmCommand implements Callable<Integer> {

    @ParentCommand private Smc smc;

    @Parameters(index = "0", paramLabel = "FILE.cam", description = "The artifact.")
    private Path file;

    @Override public Integer call() {
        smc.out().print(Disassembler.listing(MachineFiles.readArtifact(file).artifact()));
        return Smc.OK;
    }
}
