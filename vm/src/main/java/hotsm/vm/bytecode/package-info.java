/**
 * CAM bytecode and {@code .cam} artifacts (LANGUAGE.md §9, docs/bytecode.md).
 * {@link hotsm.vm.bytecode.Instruction} is the instruction set and
 * {@link hotsm.vm.bytecode.Opcode} its encoding table;
 * {@link hotsm.vm.bytecode.ArtifactCodec} writes and defensively reads the
 * binary format; {@link hotsm.vm.bytecode.Identities} hashes a machine's
 * name, types and step code; {@link hotsm.vm.bytecode.Disassembler} prints a
 * listing. Decoding checks only well-formedness; {@code hotsm.vm.verify}
 * checks types.
 */
package hotsm.vm.bytecode;
