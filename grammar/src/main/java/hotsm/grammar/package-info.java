/**
 * The .sm grammar (ANTLR 4, generated at build time from
 * {@code src/main/antlr4/hotsm/grammar/SmLexer.g4} and {@code SmParser.g4})
 * and the layout pass between its lexer and parser.
 *
 * <p>Input: source text. Output: a parse tree of {@link hotsm.grammar.SmParser}.
 * {@link hotsm.grammar.LayoutTokenSource} implements the indentation rule of
 * LANGUAGE.md §3 in the manner of Haskell's algorithm L: it inserts virtual
 * {@code { ; }} tokens so the grammar itself is layout-free, and it keeps
 * tabs, stray characters and unterminated literals away from the parser as
 * {@link hotsm.grammar.LexicalError}s. The AST is built outside this module
 * (hotsm.compiler.syntax.AstBuilder); the grammar has no actions.
 */
package hotsm.grammar;
