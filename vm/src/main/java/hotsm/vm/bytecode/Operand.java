package hotsm.vm.bytecode;

/**
 * One operand of an instruction, after its opcode byte: what it is, the name
 * docs/bytecode.md §6 gives it, and the label a listing prints before it
 * ({@code right} for {@code INL}'s shape, {@code body} for {@code FOLD}'s block).
 * The encoder, decoder, disassembler and the CAM's loader handle each kind
 * once, for every instruction that has one.
 */
public record Operand(Kind kind, String name, String label) {

    /** The kinds of operand, each with its encoding (docs/bytecode.md §2, §5). */
    public enum Kind {
        /** A {@code shape}. */
        SHAPE("shape"),
        /** A {@code value}. */
        VALUE("value"),
        /** A primitive, {@code u8} (docs/bytecode.md §7). */
        PRIM("u8"),
        /** A nested {@code block}; block operands come last. */
        BLOCK("block"),
        /** The index of a shared block, {@code u16}. */
        INDEX("u16");

        private final String encoding;

        Kind(String encoding) { this.encoding = encoding; }

        /** How docs/bytecode.md writes it: {@code shape}, {@code u8}, ... */
        public String encoding() { return encoding; }
    }

    static Operand shape(String name, String label) { return new Operand(Kind.SHAPE, name, label); }

    static Operand value(String name) { return new Operand(Kind.VALUE, name, name); }

    static Operand prim(String name) { return new Operand(Kind.PRIM, name, name); }

    static Operand block(String name, String label) { return new Operand(Kind.BLOCK, name, label); }

    static Operand index(String name) { return new Operand(Kind.INDEX, name, name); }

    /** As docs/bytecode.md §6 writes it: {@code `shape S`}. */
    public String doc() { return "`" + kind.encoding() + " " + name + "`"; }
}
