package hotsm.cli.smc;

import hotsm.cli.Smc;
import hotsm.compiler.Compilation;
import hotsm.compiler.codegen.ArtifactBuilder;
import hotsm.compiler.ir.MachineIr;
import hotsm.vm.bytecode.Artifact;
import hotsm.vm.bytecode.ArtifactCodec;
import hotsm.vm.bytecode.Identities;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
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

    @Option(names = {"-I", "--include"}, paramLabel = "DIR",
            description = "Also look for imported modules in DIR (repeatable).")
    private List<Path> includes = new ArrayList<>();

    @Override public Integer call() {
        Compilation c = Sources.compile(files, includes, smc.err());
        List<Artifact> artifacts = new ArrayList<>();
        List<byte[]> encoded = new ArrayList<>();
        for (MachineIr m : c.machines()) {
            Artifact a = ArtifactBuilder.build(m);
            ArtifactFiles.verifyCompiled(a);
            artifacts.add(a);
            try {
                encoded.add(ArtifactCodec.encode(a));
            } catch (IllegalArgumentException e) {   // a limit of the format (docs/bytecode.md), not a bug
                throw new UserError(e.getMessage());
            }
        }
        try {
            Files.createDirectories(outputDir);
        } catch (IOException e) {
            throw new UserError("cannot create " + outputDir + ": " + e.getMessage());
        }
        for (int i = 0; i < artifacts.size(); i++) {
            Artifact a = artifacts.get(i);
            Path target = outputDir.resolve(a.name() + ".cam");
            try {
                Files.write(target, encoded.get(i));
            } catch (IOException e) {
                throw new UserError("cannot write " + target + ": " + e.getMessage());
            }
            smc.out().println("wrote " + target + " (" + Identities.of(a).shortHex() + ")");
        }
        return Smc.OK;
    }
}
