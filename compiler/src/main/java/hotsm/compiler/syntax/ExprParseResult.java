package hotsm.compiler.syntax;

import hotsm.compiler.diag.Diagnostic;
import java.util.List;

/** A parsed expression (REPL input), or null when there are errors. */
public record ExprParseResult(Expr expr, List<Diagnostic> diagnostics) {
    public ExprParseResult { diagnostics = List.copyOf(diagnostics); }

    public boolean ok() { return expr != null; }
}
