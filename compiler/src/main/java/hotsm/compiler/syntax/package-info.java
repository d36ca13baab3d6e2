/**
 * The syntax phase: source text to AST.
 *
 * <p>Input: a file name and its text. Output: a {@link hotsm.compiler.syntax.Module}
 * (or an {@link hotsm.compiler.syntax.Expr} for the REPL) plus every syntax
 * error as a {@link hotsm.compiler.diag.Diagnostic}; {@link hotsm.compiler.syntax.Parser}
 * is the entry point and never throws. The grammar and the layout pass live in
 * the {@code grammar} module ({@code hotsm.grammar}), whose lexer this package runs as
 * {@code HandLexer} (its common tokens scanned by hand, the same tokens); {@link hotsm.compiler.syntax.AstBuilder}
 * turns the parse tree into the immutable records of this package, resolving
 * string escapes, checking integer literals fit in 64 bits and rejecting what
 * the grammar lets through but LANGUAGE.md forbids (chained comparisons, a
 * machine without state or step, ...).
 *
 * <p>Invariants: every node carries the 1-based position of its first token
 * (a binary operator's node: the operator's); names are as written (resolution
 * is the next phase); a minus sign directly before an integer literal is part
 * of the literal.
 *
 * <p>Passes over the tree use its visitors ({@link hotsm.compiler.syntax.ExprVisitor},
 * {@link hotsm.compiler.syntax.PatternVisitor}, {@link hotsm.compiler.syntax.CmdVisitor},
 * {@link hotsm.compiler.syntax.StmtVisitor}, {@link hotsm.compiler.syntax.DeclVisitor},
 * {@link hotsm.compiler.syntax.TypeExprVisitor}): one method per case, so a new
 * case is a compile error in every pass that must handle it.
 */
package hotsm.compiler.syntax;
