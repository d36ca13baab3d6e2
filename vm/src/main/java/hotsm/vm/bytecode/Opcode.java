package hotsm.vm.bytecode;

/**
 * The byte each instruction is encoded as, and the one dispatch from an
 * {@link Instruction} to its opcode that the encoder, the verifier, the
 * interpreter and the disassembler all switch on (Java 17 has no pattern
 * {@code switch}). The table is the spec; docs/bytecode.md repeats it.
 */
public enum Opcode {
    /** {@code FST: (a, b) -> a}. */
    FST(0x01),
    /** {@code SND: (a, b) -> b}. */
    SND(0x02),
    /** {@code PUSH: v, s -> v, v : s}. */
    PUSH(0x03),
    /** {@code SWAP: v, x : s -> x, v : s}. */
    SWAP(0x04),
    /** {@code CONS: v, x : s -> (x, v), s}. */
    CONS(0x05),
    /** {@code QUOTE shape value: v -> value}. */
    QUOTE(0x06),
    /** {@code INL shape: v -> Inl v} (shape: the right side of the sum). */
    INL(0x07),
    /** {@code INR shape: v -> Inr v} (shape: the left side of the sum). */
    INR(0x08),
    /** {@code CASE left right: Inl a -> left on a; Inr b -> right on b}. */
    CASE(0x09),
    /** {@code DIST: (e, Inl a) -> Inl (e, a); (e, Inr b) -> Inr (e, b)}. */
    DIST(0x0A),
    /** {@code PRIM op: v -> op(v)}. */
    PRIM(0x0B),
    /** {@code GET: v, st -> st, st}. */
    GET(0x0C),
    /** {@code PUT: v, st -> (), v}. */
    PUT(0x0D);

    private static final Opcode[] BY_BYTE = new Opcode[256];
    private static final PrimOp[] PRIM_BY_BYTE = {
        null, PrimOp.ADD, PrimOp.SUB, PrimOp.MUL, PrimOp.DIV, PrimOp.MOD, PrimOp.NEG,
        PrimOp.EQ, PrimOp.NE, PrimOp.LT, PrimOp.LE, PrimOp.GT, PrimOp.GE,
        PrimOp.CONCAT, PrimOp.SHOW_INT, PrimOp.LENGTH,
    };
    private static final int[] BYTE_BY_PRIM = new int[PrimOp.values().length];

    static {
        for (Opcode op : values()) BY_BYTE[op.code] = op;
        for (int b = 1; b < PRIM_BY_BYTE.length; b++) BYTE_BY_PRIM[PRIM_BY_BYTE[b].ordinal()] = b;
    }

    private final int code;

    Opcode(int code) { this.code = code; }

    /** The opcode byte. */
    public int code() { return code; }

    /** The opcode of a byte, or {@code null} if none has it. */
    public static Opcode ofByte(int b) { return b >= 0 && b < 256 ? BY_BYTE[b] : null; }

    /** The opcode of an instruction: the single dispatch over {@link Instruction}'s cases. */
    public static Opcode of(Instruction i) {
        if (i instanceof Instruction.Fst) return FST;
        if (i instanceof Instruction.Snd) return SND;
        if (i instanceof Instruction.Push) return PUSH;
        if (i instanceof Instruction.Swap) return SWAP;
        if (i instanceof Instruction.Cons) return CONS;
        if (i instanceof Instruction.Quote) return QUOTE;
        if (i instanceof Instruction.Inl) return INL;
        if (i instanceof Instruction.Inr) return INR;
        if (i instanceof Instruction.Case) return CASE;
        if (i instanceof Instruction.Dist) return DIST;
        if (i instanceof Instruction.Prim) return PRIM;
        if (i instanceof Instruction.Get) return GET;
        if (i instanceof Instruction.Put) return PUT;
        throw new IllegalArgumentException("unknown instruction " + i);
    }

    /** The operand byte of {@code PRIM op} (1..15, docs/bytecode.md). */
    public static int primByte(PrimOp op) { return BYTE_BY_PRIM[op.ordinal()]; }

    /** The primitive of an operand byte, or {@code null}. */
    public static PrimOp primOfByte(int b) { return b > 0 && b < PRIM_BY_BYTE.length ? PRIM_BY_BYTE[b] : null; }

    /** The mnemonic as listings print it ({@code FST}, {@code CASE}). */
    public String mnemonic() { return name(); }
}
