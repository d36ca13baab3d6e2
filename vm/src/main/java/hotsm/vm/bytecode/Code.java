package hotsm.vm.bytecode;

import java.util.List;

/** A block of straight-line instructions (branches nest inside {@link Instruction.Case}). */
public record Code(List<Instruction> instructions) {
    public Code { instructions = List.copyOf(instructions); }

    public static Code of(Instruction... instructions) { return new Code(List.of(instructions)); }
}
