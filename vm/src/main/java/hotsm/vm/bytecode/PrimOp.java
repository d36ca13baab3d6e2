package hotsm.vm.bytecode;

import hotsm.vm.value.Meter;
import hotsm.vm.value.Value;

/**
 * The primitive operations of the CAM and the IR, one row each: the operand
 * byte of {@code PRIM}, the source symbol, the typing rule (a
 * {@link PrimSignature}: tuples are right-nested pairs, lower-case names are
 * type variables fresh at each use, {@code Maybe a} is {@code () + a}), the
 * fuel it costs beyond its instruction and what it computes; its semantics
 * are a method of {@link PrimSemantics} each. The encoder, decoder, verifier,
 * CAM, disassembler and the compiler's IR typer and interpreter all read this
 * table; docs/bytecode.md §7 repeats it line for line (a test compares them).
 * Adding a primitive is one row plus its semantics (a method and its case in
 * {@link PrimSemantics#apply}, which the compiler holds to every row). The
 * rows name no method reference: 39 of them linked at class initialization
 * were 6 ms of every command's start that type-checks (docs/performance.md).
 *
 * <p>Fuel unit: one value node visited, or one character (code unit)
 * compared, copied or scanned, or one list element or map entry visited;
 * {@code log n} for a map lookup is the key comparisons it makes.
 */
public enum PrimOp {
    ADD(0x01, "+", "(Int, Int) -> Int", "0", "wraps (two's complement)"),
    SUB(0x02, "-", "(Int, Int) -> Int", "0", "wraps"),
    MUL(0x03, "*", "(Int, Int) -> Int", "0", "wraps"),
    DIV(0x04, "/", "(Int, Int) -> Int", "0", "truncates toward zero; by zero: `division by zero`; `MIN / -1 = MIN`"),
    MOD(0x05, "%", "(Int, Int) -> Int", "0", "sign of the dividend; by zero: `division by zero`"),
    NEG(0x06, "negate", "Int -> Int", "0", "wraps (`-MIN = MIN`)"),
    EQ(0x07, "==", "(a, a) -> Bool", "nodes + characters compared", "equality: the order says equal"),
    NE(0x08, "/=", "(a, a) -> Bool", "nodes + characters compared", "not EQ"),
    LT(0x09, "<", "(a, a) -> Bool", "nodes + characters compared", "the value order (below)"),
    LE(0x0A, "<=", "(a, a) -> Bool", "nodes + characters compared", ""),
    GT(0x0B, ">", "(a, a) -> Bool", "nodes + characters compared", ""),
    GE(0x0C, ">=", "(a, a) -> Bool", "nodes + characters compared", ""),
    CONCAT(0x0D, "++", "(String, String) -> String", "length of the result", "at most 2^20 UTF-16 units, else a run-time error"),
    SHOW_INT(0x0E, "showInt", "Int -> String", "digits", "decimal, `-` for negatives"),
    LENGTH(0x0F, "length", "String -> Int", "length", "number of code points (`String.length` too)"),
    LIST_CONS(0x10, "::", "(a, List a) -> List a", "0", "`x :: xs`"),
    LIST_UNCONS(0x11, "uncons", "List a -> () + (a, List a)", "0", "`[]` is `inl ()`; `x :: xs` is `inr (x, xs)`"),
    LIST_LENGTH(0x12, "List.length", "List a -> Int", "0", "cached in every cell"),
    LIST_SORT(0x13, "List.sort", "List a -> List a", "elements + nodes and characters compared (n log n comparisons)", "stable, by the value order"),
    LIST_RANGE(0x14, "List.range", "(Int, Int) -> List Int", "elements (charged before building)", "`(1, 3)` is `[1, 2, 3]`; `(3, 1)` is `[]`"),
    LIST_APPEND(0x15, "++", "(List a, List a) -> List a", "length of the first list", "the second list is shared"),
    MAP_INSERT(0x16, "Map.insert", "(k, v, Map k v) -> Map k v", "key comparisons (log n)", "replaces an existing key's value"),
    MAP_DELETE(0x17, "Map.delete", "(k, Map k v) -> Map k v", "key comparisons (log n)", "unchanged if the key is absent"),
    MAP_LOOKUP(0x18, "Map.lookup", "(k, Map k v) -> Maybe v", "key comparisons (log n)", "`inl ()` if absent, else `inr value`"),
    MAP_MEMBER(0x19, "Map.member", "(k, Map k v) -> Bool", "key comparisons (log n)", ""),
    MAP_SIZE(0x1A, "Map.size", "Map k v -> Int", "0", "cached in every node"),
    MAP_TO_LIST(0x1B, "Map.toList", "Map k v -> List (k, v)", "entries", "ascending keys"),
    MAP_FROM_LIST(0x1C, "Map.fromList", "List (k, v) -> Map k v", "entries + key comparisons (n log n)", "a later duplicate key wins"),
    STR_SLICE(0x1D, "String.slice", "(Int, Int, String) -> String", "characters scanned", "code points `[from, to)`, both clamped to the string"),
    STR_SPLIT(0x1E, "String.split", "(String, String) -> List String", "characters scanned + parts", "(separator, text); `\"\"` separator: one part per code point; `\"\"` text: `[\"\"]`"),
    STR_JOIN(0x1F, "String.join", "(String, List String) -> String", "parts + length of the result", "(separator, parts); at most 2^20 UTF-16 units"),
    STR_CONTAINS(0x20, "String.contains", "(String, String) -> Bool", "characters scanned (linear, KMP)", "(needle, text)"),
    STR_STARTS_WITH(0x21, "String.startsWith", "(String, String) -> Bool", "length of the prefix", "(prefix, text)"),
    STR_TO_UPPER(0x22, "String.toUpper", "String -> String", "length", "Unicode, locale-independent"),
    STR_TO_LOWER(0x23, "String.toLower", "String -> String", "length", "Unicode, locale-independent"),
    STR_TRIM(0x24, "String.trim", "String -> String", "length", "drops leading and trailing white space"),
    STR_TO_INT(0x25, "String.toInt", "String -> Maybe Int", "length", "`-?[0-9]+` within 64 bits is `inr n`, anything else `inl ()`"),
    STR_CHARS(0x26, "String.chars", "String -> List String", "length", "one string per code point"),
    STR_QUOTE(0x27, "show", "String -> String", "length of the result", "the string as a literal, as values print: `\"a\\\"b\"`, control characters as `\\u001b`");

    /** Longest string a primitive may build, in UTF-16 units. */
    public static final int MAX_STRING_LENGTH = 1 << 20;

    private static final PrimOp[] BY_BYTE = new PrimOp[256];

    static {
        for (PrimOp op : values()) {
            if (BY_BYTE[op.code] != null) throw new ExceptionInInitializerError("two primitives with byte " + op.code);
            BY_BYTE[op.code] = op;
        }
    }

    private final int code;
    private final String symbol;
    private final PrimSignature signature;
    private final String cost;
    private final String result;

    PrimOp(int code, String symbol, String signature, String cost, String result) {
        this.code = code;
        this.symbol = symbol;
        this.signature = PrimSignature.parse(signature);
        this.cost = cost;
        this.result = result;
    }

    /** The operand byte of {@code PRIM op}. */
    public int code() { return code; }

    /** The primitive of an operand byte, or {@code null}. */
    public static PrimOp ofByte(int b) { return b >= 0 && b < 256 ? BY_BYTE[b] : null; }

    /** The operator or function name the source language uses. */
    public String symbol() { return symbol; }

    /** The typing rule. */
    public PrimSignature signature() { return signature; }

    /** The fuel it costs beyond its {@code PRIM} instruction, in words (docs/bytecode.md §7). */
    public String cost() { return cost; }

    /** What it computes, in words (docs/bytecode.md §7); may be empty. */
    public String result() { return result; }

    /**
     * The output shape for input shape {@code in}, in any checker's representation.
     *
     * @throws PrimSignature.Mismatch if {@code in} does not fit the typing rule
     */
    public <T> T typeOf(ShapeAlgebra<T> algebra, T in) { return signature.apply(algebra, in); }

    /**
     * Applies the primitive to a value of its input shape, charging its work to {@code meter}.
     *
     * @throws PrimFailure when it has no result (division by zero, a string too long)
     * @throws ClassCastException if {@code in} does not have the input shape (unverified code)
     */
    public Value apply(Value in, Meter meter) { return PrimSemantics.apply(this, in, meter); }
}
