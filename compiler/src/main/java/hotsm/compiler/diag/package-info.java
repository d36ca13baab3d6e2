/**
 * Diagnostics: one {@link hotsm.compiler.diag.Diagnostic} record for every
 * message any phase reports (file, 1-based line and column, length, severity,
 * message) and {@link hotsm.compiler.diag.DiagnosticPrinter}, which prints it
 * as {@code file:line:col: error: message}, the source line and a caret line.
 * Phases pass lists of diagnostics along; there is no global error state.
 */
package hotsm.compiler.diag;
