package hotsm.repl;

import hotsm.cli.CliError;
import hotsm.cli.MachineFiles;
import hotsm.compiler.Compilation;
import hotsm.compiler.IrListing;
import hotsm.compiler.MachineNames;
import hotsm.compiler.ir.MachineIr;
import hotsm.vm.bytecode.Artifact;
import hotsm.vm.bytecode.Disassembler;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code .sm} file compiled and type-checked for the REPL: its machines
 * (those defined in the file, in source order) as IR and as CAM artifacts,
 * and the scope typed expressions are checked in (the file's module).
 */
final class LoadedProgram {
    private final Path file;
    private final Compilation compilation;
    private final String moduleName;
    private final Map<String, MachineIr> machines = new LinkedHashMap<>();
    private final List<Path> includes;

    private LoadedProgram(Path file, Compilation compilation, String moduleName, List<Path> includes) {
        this.file = file;
        this.includes = List.copyOf(includes);
        this.compilation = compilation;
        this.moduleName = moduleName;
        for (MachineIr m : compilation.machines()) machines.put(m.name(), m);
    }

    /**
     * Compiles {@code file} through the one opener ({@link MachineFiles}); its
     * errors come back as one message, each diagnostic with its caret.
     */
    static LoadedProgram compile(Path file) throws ReplError { return compile(file, List.of()); }

    /** The same, looking for imports also in {@code includes} ({@code -I}). */
    static LoadedProgram compile(Path file, List<Path> includes) throws ReplError {
        Compilation c;
        try {
            c = MachineFiles.compile(List.of(file), includes);
        } catch (CliError e) {
            Interrupted.check();
            throw ReplError.of(e.getMessage());
        }
        Interrupted.check();
        return new LoadedProgram(file, c, c.moduleOf(file).orElseThrow(), includes);
    }

    Path file() { return file; }

    /** The -I folders it was compiled with: the prompt's definitions are compiled with them too. */
    List<Path> includes() { return includes; }

    Compilation compilation() { return compilation; }

    /** The module typed expressions are checked in. */
    String moduleName() { return moduleName; }

    String displayName() { return file.getFileName().toString(); }

    /** Qualified names of the machines the file defines, in source order. */
    List<String> machineNames() { return List.copyOf(machines.keySet()); }

    /** {@code counter} or {@code Counter1.counter} to the qualified name of one of this file's machines ({@link MachineNames}). */
    String resolveMachine(String name) throws ReplError {
        try {
            return MachineNames.resolve(name, machineNames(), displayName());
        } catch (MachineNames.NotFound e) {
            throw ReplError.of(e.getMessage());
        }
    }

    MachineIr ir(String qualified) { return machines.get(qualified); }

    /** The machine's artifact, from the compiler's front door: built, verified and encoded. */
    Artifact artifact(String qualified) throws ReplError {
        try {
            return MachineFiles.artifact(compilation, machines.get(qualified)).artifact();
        } catch (CliError e) {
            throw ReplError.of(e.getMessage());
        } catch (RuntimeException e) {
            throw ReplError.of("cannot build " + qualified + ": " + ReplSession.oneLine(e));
        }
    }

    LocalMachine start(String qualified) throws ReplError { return new LocalMachine(artifact(qualified)); }

    String irListing(String qualified) { return IrListing.render(machines.get(qualified)); }

    String bytecodeListing(String qualified) throws ReplError { return Disassembler.listing(artifact(qualified)); }
}
