/**
 * Desugaring: the checked program ({@link hotsm.compiler.types.Typed}) to
 * the free Cartesian distributive category IR ({@link hotsm.compiler.ir.Term}),
 * with no {@code arr} (LANGUAGE.md §8; the idea is Elliott's "Compiling to
 * categories", done here on arrow notation as in the hot-swapping seed).
 *
 * <p>Input: a {@code Typed.Program}. Output: a {@link hotsm.compiler.ir.MachineIr}
 * per machine. Invariants of the output: every term type-checks with
 * {@link hotsm.compiler.ir.IrTyping} against the erasure of its declared
 * types; values are in the erased representation of LANGUAGE.md §4
 * (data with one constructor = its fields, more = right-nested sum, fields =
 * right-nested pairs); the environment is a list of slots as left-nested
 * pairs ({@link hotsm.compiler.desugar.Scope}), variables are projections,
 * calls are inlined and specialised, pattern matches are decision trees.
 */
package hotsm.compiler.desugar;
