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
 * pattern matches are decision trees. A function used in more than one
 * place of the code a root (a step, a migration) reaches is one shared
 * definition per instantiation ({@code Term.Call}); one used once is inlined;
 * a call that passes a function (a lambda, a name) is specialised at the
 * call, its function parameters bound at compile time
 * ({@link hotsm.compiler.desugar.FunctionValue}), so no closure reaches the
 * IR (LANGUAGE.md §13). {@code List.foldl} is {@code Term.Fold}; records are
 * pairs and field access is a projection; {@code show} is built per type.
 */
package hotsm.compiler.desugar;
