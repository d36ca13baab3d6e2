package hotsm.cli.smc;

import hotsm.cli.Smc;
import hotsm.vm.bytecode.Disassembler;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code smc disasm FILE.cam}: verify, then list the artifact. */
@Command(name = "disasm", mixinStandardHelpOptions = true,
        description = {"Verify a .cam artifact, then print its name, types, identity, initial state,",
                "upgrade and downgrade sections and an indented listing of its code.",
                "A corrupted or ill-typed artifact is refused with a one-line error (exit 1)."})
public final class DisasmCommand implements Callable<Integer> {

    @ParentCommand private Smc smc;

    @Parameters(index = "0", paramLabel = "FILE.cam", description = "The artifact.")
    private Path file;

    @Override public Integer call() {
        smc.out().print(Disassembler.listing(ArtifactFiles.read(file)));
        return Smc.OK;
    }
}
