package hotsm.vm.bytecode;

import hotsm.vm.types.Shape;

/**
 * A block of code shared by every {@code CALL} of it (LANGUAGE.md §13): a
 * function used in several places compiles once. Shared blocks are pure (no
 * {@code GET}/{@code PUT}) and may call only blocks of lower index, so calls
 * form an acyclic graph and every run terminates.
 *
 * @param name   for listings and traces ({@code List.map}); not part of any identity
 * @param input  the shape of the value register on entry
 * @param output the shape it leaves
 * @param code   the block
 */
public record SharedBlock(String name, Shape input, Shape output, Code code) {}
