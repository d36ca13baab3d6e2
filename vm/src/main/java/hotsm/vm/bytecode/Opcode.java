package hotsm.vm.bytecode;

import hotsm.vm.types.Shape;
import hotsm.vm.value.Value;
import java.util.List;

/**
 * The instruction table, one row per instruction: its byte, its operands
 * ({@link Operand}s: kind, name, listing label), how to build it from them,
 * its transition (what the machine does: {@code v, s, st} before -> after,
 * {@code x : s} a stack with {@code x} on top) and its typing rule (what the
 * verifier checks). The encoder, decoder, disassembler and the CAM's loader
 * are driven by the operand column; the CAM and the verifier have one case
 * per row (its semantics); docs/bytecode.md §6 repeats the rows line for line
 * (a test compares them), the way Lua's {@code luaP_opmodes} is read by its
 * assembler, VM and disassembler alike. Adding an instruction is a row, its
 * {@link Instruction} record, and its two cases (CAM, verifier).
 */
public enum Opcode {
    FST(0x01, List.of(), a -> new Instruction.Fst(), "`(a, b)` -> `a`", "`(A, B)` -> `A`"),
    SND(0x02, List.of(), a -> new Instruction.Snd(), "`(a, b)` -> `b`", "`(A, B)` -> `B`"),
    PUSH(0x03, List.of(), a -> new Instruction.Push(), "`v, s` -> `v, v : s`", "pushes `V`"),
    SWAP(0x04, List.of(), a -> new Instruction.Swap(), "`v, x : s` -> `x, v : s`", "stack not empty"),
    CONS(0x05, List.of(), a -> new Instruction.Cons(), "`v, x : s` -> `(x, v), s`", "`X` on the stack, `V` -> `(X, V)`"),
    QUOTE(0x06, List.of(Operand.shape("S", ""), Operand.value("c")),
            a -> new Instruction.Quote((Shape) a.get(0), (Value) a.get(1)), "`v` -> `c`", "`c` has shape `S`; any -> `S`"),
    INL(0x07, List.of(Operand.shape("B", "right")), a -> new Instruction.Inl((Shape) a.get(0)),
            "`a` -> `inl a`", "`A` -> `A + B`"),
    INR(0x08, List.of(Operand.shape("A", "left")), a -> new Instruction.Inr((Shape) a.get(0)),
            "`b` -> `inr b`", "`B` -> `A + B`"),
    CASE(0x09, List.of(Operand.block("l", "left"), Operand.block("r", "right")),
            a -> new Instruction.Case((Code) a.get(0), (Code) a.get(1)),
            "`inl a`: run `l` on `a`; `inr b`: run `r` on `b`; then continue",
            "`A + B`; `l : A -> C` and `r : B -> C`, both ending with the stack `CASE` started with"),
    DIST(0x0A, List.of(), a -> new Instruction.Dist(), "`(e, inl a)` -> `inl (e, a)`; `(e, inr b)` -> `inr (e, b)`",
            "`(E, A + B)` -> `(E, A) + (E, B)`"),
    PRIM(0x0B, List.of(Operand.prim("op")), a -> new Instruction.Prim((PrimOp) a.get(0)), "`v` -> `op(v)`", "see §7"),
    GET(0x0C, List.of(), a -> new Instruction.Get(), "`v, st` -> `st, st`", "any -> `State`; not in pure code"),
    PUT(0x0D, List.of(), a -> new Instruction.Put(), "`v, st` -> `(), v`", "`State` -> `()`; not in pure code"),
    FOLD(0x0E, List.of(Operand.block("f", "body")), a -> new Instruction.Fold((Code) a.get(0)),
            "`(e, (acc, [x1, …, xn]))` -> run `f` on `(e, (acc, x1))`, then on `(e, (result, x2))`, …; "
            + "`v` = the last result (`acc` if the list is empty); one unit of fuel per element",
            "`(E, (B, List A))` -> `B`; `f : (E, (B, A)) -> B`, ending with the stack it started with"),
    CALL(0x0F, List.of(Operand.index("k")), a -> new Instruction.Call((Integer) a.get(0)),
            "run shared block `k` on `v`, then continue",
            "`In_k` -> `Out_k` (its declared types); in shared block `j` only `k < j`"),
    ERROR(0x10, List.of(Operand.shape("T", "result")), a -> new Instruction.Error((Shape) a.get(0)),
            "`msg` -> the run fails with the message `msg`", "`String` -> `T`");

    /** Builds an instruction from its operands, in table order. */
    @FunctionalInterface
    interface Maker {
        Instruction make(List<Object> operands);
    }

    private static final Opcode[] BY_BYTE = new Opcode[256];

    static {
        for (Opcode op : values()) BY_BYTE[op.code] = op;
    }

    private final int code;
    private final List<Operand> operands;
    private final Maker maker;
    private final String transition;
    private final String typing;

    Opcode(int code, List<Operand> operands, Maker maker, String transition, String typing) {
        this.code = code;
        this.operands = operands;
        this.maker = maker;
        this.transition = transition;
        this.typing = typing;
        boolean blocks = false;
        for (Operand o : operands) {
            if (blocks && o.kind() != Operand.Kind.BLOCK) throw new IllegalStateException(name() + ": block operands come last");
            blocks |= o.kind() == Operand.Kind.BLOCK;
        }
    }

    /** The opcode byte. */
    public int code() { return code; }

    /** Its operands after the opcode byte, in order. */
    public List<Operand> operands() { return operands; }

    /** Its operands as docs/bytecode.md §6 writes them: {@code `shape S`, `value c`} (empty: none). */
    public String operandsDoc() {
        List<String> parts = new java.util.ArrayList<>();
        for (Operand o : operands) parts.add(o.doc());
        return String.join(", ", parts);
    }

    /** Whether it carries nested blocks (which the decoder reads on its explicit stack). */
    public boolean hasBlocks() {
        return !operands.isEmpty() && operands.get(operands.size() - 1).kind() == Operand.Kind.BLOCK;
    }

    /** The instruction with these operands, in table order (shapes, values, primitives, indices, blocks). */
    public Instruction make(List<Object> operandValues) { return maker.make(operandValues); }

    /** What the machine does, as docs/bytecode.md §6 writes it. */
    public String transition() { return transition; }

    /** The rule the verifier enforces, as docs/bytecode.md §6 writes it. */
    public String typing() { return typing; }

    /** The opcode of a byte, or {@code null} if none has it. */
    public static Opcode ofByte(int b) { return b >= 0 && b < 256 ? BY_BYTE[b] : null; }

    /** The opcode of an instruction. */
    public static Opcode of(Instruction i) { return i.opcode(); }

    /** The mnemonic as listings print it ({@code FST}, {@code CASE}). */
    public String mnemonic() { return name(); }
}
