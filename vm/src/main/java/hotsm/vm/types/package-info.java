/**
 * Types on the wire: a {@link hotsm.vm.types.TypeDesc} is the closed type an
 * artifact declares for a machine's input, output and state, with its names
 * (data types, constructors, record fields), so values print as users wrote
 * them; its {@link hotsm.vm.types.Shape} is the erased representation the
 * verifier and the machine work on (LANGUAGE.md §4). Two types are the same
 * across versions when their descriptions are equal. {@link hotsm.vm.types.TypeText}
 * is the one description of a type for people, in the words of a {@code data}
 * declaration ({@code Output = Ok | Total Int}): {@code sm info}, the REPL,
 * the disassembler and every message that names a type print it.
 */
package hotsm.vm.types;
