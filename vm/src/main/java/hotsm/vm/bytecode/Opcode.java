package hotsm.vm.bytecode;

/**
 * The instruction table, one row per instruction: its byte, its operands,
 * its transition (what the machine does: {@code v, s, st} before -> after,
 * {@code x : s} a stack with {@code x} on top) and its typing rule (what the
 * verifier checks). The encoder, decoder, disassembler, verifier and CAM
 * switch on these rows; docs/bytecode.md §6 repeats them line for line (a
 * test compares them), the way Lua's {@code luaP_opmodes} is read by its
 * assembler, VM and disassembler alike.
 */
public enum Opcode {
    FST(0x01, "", "`(a, b)` -> `a`", "`(A, B)` -> `A`"),
    SND(0x02, "", "`(a, b)` -> `b`", "`(A, B)` -> `B`"),
    PUSH(0x03, "", "`v, s` -> `v, v : s`", "pushes `V`"),
    SWAP(0x04, "", "`v, x : s` -> `x, v : s`", "stack not empty"),
    CONS(0x05, "", "`v, x : s` -> `(x, v), s`", "`X` on the stack, `V` -> `(X, V)`"),
    QUOTE(0x06, "`shape S`, `value c`", "`v` -> `c`", "`c` has shape `S`; any -> `S`"),
    INL(0x07, "`shape B`", "`a` -> `inl a`", "`A` -> `A + B`"),
    INR(0x08, "`shape A`", "`b` -> `inr b`", "`B` -> `A + B`"),
    CASE(0x09, "`block l`, `block r`", "`inl a`: run `l` on `a`; `inr b`: run `r` on `b`; then continue",
            "`A + B`; `l : A -> C` and `r : B -> C`, both ending with the stack `CASE` started with"),
    DIST(0x0A, "", "`(e, inl a)` -> `inl (e, a)`; `(e, inr b)` -> `inr (e, b)`", "`(E, A + B)` -> `(E, A) + (E, B)`"),
    PRIM(0x0B, "`u8 op`", "`v` -> `op(v)`", "see §7"),
    GET(0x0C, "", "`v, st` -> `st, st`", "any -> `State`; not in pure code"),
    PUT(0x0D, "", "`v, st` -> `(), v`", "`State` -> `()`; not in pure code"),
    FOLD(0x0E, "`block f`", "`(e, (acc, [x1, …, xn]))` -> run `f` on `(e, (acc, x1))`, then on `(e, (result, x2))`, …; "
            + "`v` = the last result (`acc` if the list is empty); one unit of fuel per element",
            "`(E, (B, List A))` -> `B`; `f : (E, (B, A)) -> B`, ending with the stack it started with"),
    CALL(0x0F, "`u16 k`", "run shared block `k` on `v`, then continue",
            "`In_k` -> `Out_k` (its declared types); in shared block `j` only `k < j`"),
    ERROR(0x10, "`shape T`", "`msg` -> the run fails with the message `msg`", "`String` -> `T`");

    private static final Opcode[] BY_BYTE = new Opcode[256];

    static {
        for (Opcode op : values()) BY_BYTE[op.code] = op;
    }

    private final int code;
    private final String operands;
    private final String transition;
    private final String typing;

    Opcode(int code, String operands, String transition, String typing) {
        this.code = code;
        this.operands = operands;
        this.transition = transition;
        this.typing = typing;
    }

    /** The opcode byte. */
    public int code() { return code; }

    /** Its operands after the opcode byte, as docs/bytecode.md §6 writes them (empty: none). */
    public String operands() { return operands; }

    /** What the machine does, as docs/bytecode.md §6 writes it. */
    public String transition() { return transition; }

    /** The rule the verifier enforces, as docs/bytecode.md §6 writes it. */
    public String typing() { return typing; }

    /** The opcode of a byte, or {@code null} if none has it. */
    public static Opcode ofByte(int b) { return b >= 0 && b < 256 ? BY_BYTE[b] : null; }

    /** The opcode of an instruction. */
    public static Opcode of(Instruction i) { return i.opcode(); }

    /** The operand byte of {@code PRIM op} (docs/bytecode.md §7). */
    public static int primByte(PrimOp op) { return op.code(); }

    /** The primitive of an operand byte, or {@code null}. */
    public static PrimOp primOfByte(int b) { return PrimOp.ofByte(b); }

    /** The mnemonic as listings print it ({@code FST}, {@code CASE}). */
    public String mnemonic() { return name(); }
}
