/**
 * CAM bytecode and {@code .cam} artifacts (LANGUAGE.md §9, docs/bytecode.md).
 * {@link hotsm.vm.bytecode.Instruction} is the instruction set,
 * {@link hotsm.vm.bytecode.Opcode} its table (byte, operands, transition,
 * typing) and {@link hotsm.vm.bytecode.PrimOp} the primitives' (byte,
 * signature, fuel cost, semantics): every other part of the VM, and the
 * compiler, reads these two tables; {@link hotsm.vm.bytecode.SharedBlock}s
 * are the blocks {@code CALL} runs;
 * {@link hotsm.vm.bytecode.ArtifactCodec} writes and defensively reads the
 * binary format (version 2); {@link hotsm.vm.bytecode.Identities} hashes a machine's
 * name, types, step code and the shared blocks it reaches; {@link hotsm.vm.bytecode.Disassembler} prints a
 * listing. Decoding checks only well-formedness; {@code hotsm.vm.verify}
 * checks types.
 */
package hotsm.vm.bytecode;
