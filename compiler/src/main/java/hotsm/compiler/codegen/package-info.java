/**
 * Code generation: the typed IR ({@link hotsm.compiler.ir.Term}, LANGUAGE.md §8)
 * to CAM code ({@link hotsm.vm.bytecode.Code}), and a desugared machine
 * ({@link hotsm.compiler.ir.MachineIr}) to its artifact
 * ({@link hotsm.vm.bytecode.Artifact}, LANGUAGE.md §9).
 *
 * <p>Input: well-typed terms (checked by {@code IrTyping}). Output: code the vm's
 * verifier accepts against the machine's declared types, which computes what
 * the reference {@code IrInterpreter} computes (a jqwik property checks both).
 * {@link hotsm.compiler.codegen.CamCompiler} is the classic translation of the
 * Categorical Abstract Machine (Cousineau, Curien and Mauny, 1987), first order
 * and extended with sums ({@code INL}/{@code INR}/{@code CASE}/{@code DIST}) and
 * a state register ({@code GET}/{@code PUT}), one case per term as in Elliott's
 * "Compiling to categories"; language v2 adds {@code FOLD} (a block run per
 * element), {@code CALL k} and {@code ERROR}. {@link hotsm.compiler.codegen.BlockTable}
 * turns the IR's pure shared definitions into the artifact's shared blocks,
 * callees first (lower indexes), each compiled once. {@link hotsm.compiler.codegen.ArtifactBuilder}
 * adds the machine's name, types, initial state and its upgrade and downgrade
 * sections, whose from/to hashes are the identities of the other machines'
 * compiled step code.
 */
package hotsm.compiler.codegen;
