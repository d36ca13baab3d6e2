package hotsm.compiler.syntax;

import hotsm.compiler.diag.Diagnostic;
import java.util.List;

/** A parsed module, or null when there are errors; every syntax error of the file. */
public record ParseResult(Module module, List<Diagnostic> diagnostics) {
    public ParseResult { diagnostics = List.copyOf(diagnostics); }

    public boolean ok() { return module != null; }
}
