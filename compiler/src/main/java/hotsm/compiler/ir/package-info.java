/**
 * The typed first-order IR: morphisms of the free Cartesian distributive
 * category ({@link hotsm.compiler.ir.Term}, LANGUAGE.md §8), after Conal
 * Elliott's "Compiling to categories" and the FreeCC of the hot-swapping seed.
 *
 * <p>Input: terms built by the desugarer. Output: the shape of a term
 * ({@link hotsm.compiler.ir.IrTyping}), its printed form
 * ({@link hotsm.compiler.ir.IrPrinter}),
 * its value ({@link hotsm.compiler.ir.IrInterpreter}, the reference semantics
 * the CAM is tested against). Invariants: there is no {@code Arr} term; a
 * term's only annotations are an injection's other side and a constant's
 * shape, so its type follows from its domain; {@code Fork} and {@code Par}
 * evaluate left to right, which fixes the order of {@code Get}/{@code Put}.
 * Language v2 adds {@code Fold} (the one loop), {@code Call} of a shared,
 * named definition (acyclic: a body calls only definitions made before it)
 * and {@code Fail} ({@code error}); primitive typing and semantics are the
 * vm's {@link hotsm.vm.bytecode.PrimOp} table.
 */
package hotsm.compiler.ir;
