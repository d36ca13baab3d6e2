/**
 * The bytecode verifier: input a decoded {@link hotsm.vm.bytecode.Artifact},
 * output nothing or a {@link hotsm.vm.verify.VerifyException}. One-pass
 * abstract interpretation of each block over hash-consed shapes (the value
 * register and a persistent stack of shapes), like the JVM's type checker
 * with StackMapTables but without jumps: control is structured, so a CASE
 * joins its two branches right after them, a FOLD's body is checked once
 * against its accumulator, and each shared block is checked once against its
 * declared shapes (calls only to lower indices, so they are acyclic). A
 * primitive's rule is its {@link hotsm.vm.bytecode.PrimOp} row, matched with
 * fresh type variables ({@link hotsm.vm.verify.ShapeTable} is the
 * {@link hotsm.vm.bytecode.ShapeAlgebra} the rules run on). Invariant: code it accepts runs on
 * {@link hotsm.vm.machine.Cam} without type confusion, within the declared
 * types, with shapes at most {@link hotsm.vm.verify.Verifier#MAX_SHAPE_DEPTH} deep.
 */
package hotsm.vm.verify;
