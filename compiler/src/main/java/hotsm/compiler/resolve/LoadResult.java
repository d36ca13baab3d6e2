package hotsm.compiler.resolve;

import hotsm.compiler.diag.Diagnostic;
import hotsm.compiler.syntax.Module;
import java.util.List;
import java.util.Map;

/**
 * The modules a compilation reads.
 *
 * @param modules       every module that parsed, in dependency order (a module after those it imports; the Prelude first)
 * @param sourcesByFile the text of every file read, keyed by the file name the diagnostics use
 * @param diagnostics   read, parse and import errors; if not empty, do not type-check
 */
public record LoadResult(List<Module> modules, Map<String, String> sourcesByFile, List<Diagnostic> diagnostics) {
    public LoadResult {
        modules = List.copyOf(modules);
        sourcesByFile = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(sourcesByFile));
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean ok() { return diagnostics.isEmpty(); }
}
