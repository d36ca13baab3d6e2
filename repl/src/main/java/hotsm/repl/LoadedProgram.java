package hotsm.repl;

import hotsm.compiler.Compilation;
import hotsm.compiler.Compiler;
import hotsm.compiler.IrListing;
import hotsm.compiler.codegen.ArtifactBuilder;
import hotsm.compiler.diag.Diagnostic;
import hotsm.compiler.diag.DiagnosticPrinter;
import hotsm.compiler.ir.MachineIr;
import hotsm.compiler.syntax.Module;
import hotsm.compiler.syntax.Parser;
import hotsm.vm.bytecode.Artifact;
import hotsm.vm.bytecode.Disassembler;
import java.nio.file.Path;
import java.util.ArrayList;
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

    private LoadedProgram(Path file, Compilation compilation, String moduleName) {
        this.file = file;
        this.compilation = compilation;
        this.moduleName = moduleName;
        for (MachineIr m : compilation.machines()) machines.put(m.name(), m);
    }

    /** Compiles {@code file}; its errors come back as one message, each diagnostic with its caret. */
    static LoadedProgram compile(Path file) throws ReplError {
        Compilation c = new Compiler(List.of()).compile(List.of(file));
        Interrupted.check();
        if (!c.diagnostics().isEmpty()) {
            List<String> rendered = new ArrayList<>();
            for (Diagnostic d : c.diagnostics()) {
                rendered.add(DiagnosticPrinter.render(d, c.sourcesByFile().get(d.file())).stripTrailing());
            }
            throw ReplError.of(String.join("\n", rendered));
        }
        return new LoadedProgram(file, c, moduleOf(file, c));
    }

    /** The module the file declares (or is named after), found by reading its header again. */
    private static String moduleOf(Path file, Compilation c) {
        String source = c.sourcesByFile().get(file.toString());
        Module m = source == null ? null : Parser.parseModule(file.toString(), source).module();
        if (m != null) return m.name();
        String base = file.getFileName().toString();
        return base.endsWith(".sm") ? base.substring(0, base.length() - 3) : base;
    }

    Path file() { return file; }

    Compilation compilation() { return compilation; }

    /** The module typed expressions are checked in. */
    String moduleName() { return moduleName; }

    String displayName() { return file.getFileName().toString(); }

    /** Qualified names of the machines the file defines, in source order. */
    List<String> machineNames() { return List.copyOf(machines.keySet()); }

    /** {@code counter} or {@code Counter1.counter} to the qualified name of one of this file's machines. */
    String resolveMachine(String name) throws ReplError {
        if (machines.containsKey(name)) return name;
        for (String q : machines.keySet()) if (q.endsWith("." + name)) return q;
        throw ReplError.of("no machine " + name + " in " + displayName()
                + hotsm.cli.MachineNames.didYouMean(name, List.copyOf(machines.keySet()))
                + (machines.isEmpty() ? "" : " (it has " + String.join(", ", machines.keySet()) + ")"));
    }

    MachineIr ir(String qualified) { return machines.get(qualified); }

    Artifact artifact(String qualified) throws ReplError {
        try {
            return ArtifactBuilder.build(machines.get(qualified));
        } catch (RuntimeException e) {
            throw ReplError.of("cannot build " + qualified + ": " + ReplSession.oneLine(e));
        }
    }

    LocalMachine start(String qualified) throws ReplError { return new LocalMachine(artifact(qualified)); }

    String irListing(String qualified) { return IrListing.render(machines.get(qualified)); }

    String bytecodeListing(String qualified) throws ReplError { return Disassembler.listing(artifact(qualified)); }
}
