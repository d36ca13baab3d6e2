package hotsm.cli.sm;

import hotsm.compiler.Compilation;
import hotsm.compiler.Compiler;
import hotsm.compiler.codegen.ArtifactBuilder;
import hotsm.compiler.diag.Diagnostic;
import hotsm.compiler.diag.DiagnosticPrinter;
import hotsm.compiler.ir.MachineIr;
import hotsm.vm.bytecode.Artifact;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Compiles a {@code .sm} file to the artifacts of the machines it defines, in source order. */
final class SourceCompiler {
    private SourceCompiler() {}

    /**
     * Diagnostics go to {@code err} ({@code file:line:col: error: ...} with the source line and a caret), and
     * then the command exits with 1.
     */
    static Map<String, Artifact> compile(Path file, List<Path> includes, PrintWriter err) {
        if (!Files.isRegularFile(file)) throw CliError.user("no such file: " + file);
        Compilation c = new Compiler(includes).compile(List.of(file));
        if (!c.ok()) {
            for (Diagnostic d : c.diagnostics()) {
                err.println(DiagnosticPrinter.render(d, c.sourcesByFile().get(d.file())).stripTrailing());
            }
            err.flush();
            throw CliError.reported();
        }
        Map<String, Artifact> artifacts = new LinkedHashMap<>();
        for (MachineIr m : c.machines()) artifacts.put(m.name(), ArtifactBuilder.build(m));
        return artifacts;
    }
}
