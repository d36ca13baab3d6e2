package hotsm.cli.smc;

import hotsm.cli.CliError;
import hotsm.cli.IncludeOption;
import hotsm.cli.MachineFiles;
import hotsm.cli.Smc;
import hotsm.compiler.Compilation;
import hotsm.compiler.CompiledArtifact;
import hotsm.compiler.ir.MachineIr;
import hotsm.vm.bytecode.Artifact;
import hotsm.vm.bytecode.Identities;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code smc compile FILE... [-o DIR] [-I DIR]...}: one verified artifact per machine defined in the files. */
@Command(name = "compile", mixinStandardHelpOptions = true, footer = Smc.EXIT_STATUS,
        description = {"Compile machines to CAM bytecode artifacts (.cam).",
                "%nWrites one verified artifact <Module>.<machine>.cam per machine defined in the given files "
                        + "(not those of imported modules), with its upgrade and downgrade sections, and prints "
                        + "one line per artifact: its path and short identity.%n"})
public final class CompileCommand implements Callable<Integer> {

    @ParentCommand private Smc smc;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "The .sm files to compile.")
    private List<Path> files = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", defaultValue = ".",
            description = "Write the artifacts to DIR (created if missing; default: ${DEFAULT-VALUE}).")
    private Path outputDir;

    @Mixin IncludeOption includes;

    @Override public Integer call() {
        Compilation c = MachineFiles.compile(files, includes.get());
        List<Artifact> artifacts = new ArrayList<>();
        List<byte[]> encoded = new ArrayList<>();
        for (MachineIr m : c.machines()) {
            CompiledArtifact a = MachineFiles.artifact(c, m);
            artifacts.add(a.artifact());
            encoded.add(MachineFiles.encoded(a));
        }
        try {
            Files.createDirectories(outputDir);
        } catch (IOException e) {
            throw CliError.user("cannot create " + outputDir + ": " + e.getMessage());
        }
        for (int i = 0; i < artifacts.size(); i++) {
            Artifact a = artifacts.get(i);
            Path target = outputDir.resolve(a.name() + ".cam");
            try {
                Files.write(target, encoded.get(i));
            } catch (IOException e) {
                throw CliError.user("cannot write " + target + ": " + e.getMessage());
            }
            smc.out().println("wrote " + target + " (" + Identities.of(a).shortHex() + ")");
        }
        return Smc.OK;
    }
}
