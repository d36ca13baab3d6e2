package hotsm.compiler.types;

import hotsm.compiler.diag.Diagnostic;
import java.util.List;

/** A standalone expression checked in a module's scope: its typed tree (closed type) or the errors. */
public record ExprCheckResult(Typed.Expr expr, List<Diagnostic> diagnostics) {
    public ExprCheckResult {
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean ok() { return diagnostics.isEmpty(); }
}
