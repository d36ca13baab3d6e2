/**
 * The bytecode verifier: input a decoded {@link hotsm.vm.bytecode.Artifact},
 * output nothing or a {@link hotsm.vm.verify.VerifyException}. One-pass
 * abstract interpretation of each block over hash-consed shapes (the value
 * register and a persistent stack of shapes), like the JVM's type checker
 * with StackMapTables but without jumps: control is structured, so a CASE
 * joins its two branches right after them. Invariant: code it accepts runs on
 * {@link hotsm.vm.machine.Cam} without type confusion, within the declared
 * types, with shapes at most {@link hotsm.vm.verify.Verifier#MAX_SHAPE_DEPTH} deep.
 */
package hotsm.vm.verify;
