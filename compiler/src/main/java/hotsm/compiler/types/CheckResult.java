package hotsm.compiler.types;

import hotsm.compiler.diag.Diagnostic;
import java.util.List;

/**
 * What {@link TypeChecker#check} found: the checked program (complete only if
 * {@code diagnostics} is empty), every error in source order, and the
 * environment that {@link TypeChecker#checkExpression} checks REPL input in.
 */
public record CheckResult(Typed.Program program, List<Diagnostic> diagnostics, ProgramEnv environment) {
    public CheckResult {
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean ok() { return diagnostics.isEmpty(); }
}
