package hotsm.cli.sm;

import hotsm.vm.bytecode.Artifact;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Compiles a {@code .sm} file to the artifacts of the machines it defines. */
final class SourceCompiler {
    private SourceCompiler() {}

    /** Diagnostics go to {@code err} ({@code file:line:col: error: ...} with the source line and a caret). */
    static Map<String, Artifact> compile(Path file, List<Path> includes, java.io.PrintWriter err) {
        throw CliError.user("cannot compile " + file + ": the compiler is not part of this build yet;"
                + " compile it with `smc compile` and pass the .cam file");
    }
}
