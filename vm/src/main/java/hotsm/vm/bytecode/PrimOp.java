package hotsm.vm.bytecode;

import hotsm.vm.value.Meter;
import hotsm.vm.value.Value;

/**
 * The primitive operations of the CAM and the IR, one row each: the operand
 * byte of {@code PRIM}, the source symbol, the typing rule (a
 * {@link PrimSignature}: tuples are right-nested pairs, lower-case names are
 * type variables fresh at each use, {@code Maybe a} is {@code () + a}), the
 * fuel it costs beyond its instruction, what it computes, and its semantics
 * ({@link PrimSemantics}). The encoder, decoder, verifier, CAM, disassembler
 * and the compiler's IR typer and interpreter all read this table;
 * docs/bytecode.md §7 repeats it line for line (a test compares them).
 * Adding a primitive is one row plus its semantics.
 *
 * <p>Fuel unit: one value node visited, or one character (code unit)
 * compared, copied or scanned, or one list element or map entry visited;
 * {@code log n} for a map lookup is the key comparisons it makes.
 */
public enum PrimOp {
    ADD(0x01, "+", "(Int, Int) -> Int", "0", "wraps (two's complement)", PrimSemantics::add),
    SUB(0x02, "-", "(Int, Int) -> Int", "0", "wraps", PrimSemantics::sub),
    MUL(0x03, "*", "(Int, Int) -> Int", "0", "wraps", PrimSemantics::mul),
    DIV(0x04, "/", "(Int, Int) -> Int", "0", "truncates toward zero; by zero: `division by zero`; `MIN / -1 = MIN`", PrimSemantics::div),
    MOD(0x05, "%", "(Int, Int) -> Int", "0", "sign of the dividend; by zero: `division by zero`", PrimSemantics::mod),
    NEG(0x06, "negate", "Int -> Int", "0", "wraps (`-MIN = MIN`)", PrimSemantics::neg),
    EQ(0x07, "==", "(a, a) -> Bool", "nodes + characters compared", "equality: the order says equal", PrimSemantics::eq),
    NE(0x08, "/=", "(a, a) -> Bool", "nodes + characters compared", "not EQ", PrimSemantics::ne),
    LT(0x09, "<", "(a, a) -> Bool", "nodes + characters compared", "the value order (below)", PrimSemantics::lt),
    LE(0x0A, "<=", "(a, a) -> Bool", "nodes + characters compared", "", PrimSemantics::le),
    GT(0x0B, ">", "(a, a) -> Bool", "nodes + characters compared", "", PrimSemantics::gt),
    GE(0x0C, ">=", "(a, a) -> Bool", "nodes + characters compared", "", PrimSemantics::ge),
    CONCAT(0x0D, "++", "(String, String) -> String", "length of the result", "at most 2^20 UTF-16 units, else a run-time error", PrimSemantics::concat),
    SHOW_INT(0x0E, "showInt", "Int -> String", "digits", "decimal, `-` for negatives", PrimSemantics::showInt),
    LENGTH(0x0F, "length", "String -> Int", "length", "number of code points (`String.length` too)", PrimSemantics::length),
    LIST_CONS(0x10, "::", "(a, List a) -> List a", "0", "`x :: xs`", PrimSemantics::listCons),
    LIST_UNCONS(0x11, "uncons", "List a -> () + (a, List a)", "0", "`[]` is `inl ()`; `x :: xs` is `inr (x, xs)`", PrimSemantics::listUncons),
    LIST_LENGTH(0x12, "List.length", "List a -> Int", "0", "cached in every cell", PrimSemantics::listLength),
    LIST_SORT(0x13, "List.sort", "List a -> List a", "elements + nodes and characters compared (n log n comparisons)", "stable, by the value order", PrimSemantics::listSort),
    LIST_RANGE(0x14, "List.range", "(Int, Int) -> List Int", "elements (charged before building)", "`(1, 3)` is `[1, 2, 3]`; `(3, 1)` is `[]`", PrimSemantics::listRange),
    LIST_APPEND(0x15, "++", "(List a, List a) -> List a", "length of the first list", "the second list is shared", PrimSemantics::listAppend),
    MAP_INSERT(0x16, "Map.insert", "(k, v, Map k v) -> Map k v", "key comparisons (log n)", "replaces an existing key's value", PrimSemantics::mapInsert),
    MAP_DELETE(0x17, "Map.delete", "(k, Map k v) -> Map k v", "key comparisons (log n)", "unchanged if the key is absent", PrimSemantics::mapDelete),
    MAP_LOOKUP(0x18, "Map.lookup", "(k, Map k v) -> Maybe v", "key comparisons (log n)", "`inl ()` if absent, else `inr value`", PrimSemantics::mapLookup),
    MAP_MEMBER(0x19, "Map.member", "(k, Map k v) -> Bool", "key comparisons (log n)", "", PrimSemantics::mapMember),
    MAP_SIZE(0x1A, "Map.size", "Map k v -> Int", "0", "cached in every node", PrimSemantics::mapSize),
    MAP_TO_LIST(0x1B, "Map.toList", "Map k v -> List (k, v)", "entries", "ascending keys", PrimSemantics::mapToList),
    MAP_FROM_LIST(0x1C, "Map.fromList", "List (k, v) -> Map k v", "entries + key comparisons (n log n)", "a later duplicate key wins", PrimSemantics::mapFromList),
    STR_SLICE(0x1D, "String.slice", "(Int, Int, String) -> String", "characters scanned", "code points `[from, to)`, both clamped to the string", PrimSemantics::strSlice),
    STR_SPLIT(0x1E, "String.split", "(String, String) -> List String", "characters scanned + parts", "(separator, text); `\"\"` separator: one part per code point; `\"\"` text: `[\"\"]`", PrimSemantics::strSplit),
    STR_JOIN(0x1F, "String.join", "(String, List String) -> String", "parts + length of the result", "(separator, parts); at most 2^20 UTF-16 units", PrimSemantics::strJoin),
    STR_CONTAINS(0x20, "String.contains", "(String, String) -> Bool", "characters scanned (linear, KMP)", "(needle, text)", PrimSemantics::strContains),
    STR_STARTS_WITH(0x21, "String.startsWith", "(String, String) -> Bool", "length of the prefix", "(prefix, text)", PrimSemantics::strStartsWith),
    STR_TO_UPPER(0x22, "String.toUpper", "String -> String", "length", "Unicode, locale-independent", PrimSemantics::strToUpper),
    STR_TO_LOWER(0x23, "String.toLower", "String -> String", "length", "Unicode, locale-independent", PrimSemantics::strToLower),
    STR_TRIM(0x24, "String.trim", "String -> String", "length", "drops leading and trailing white space", PrimSemantics::strTrim),
    STR_TO_INT(0x25, "String.toInt", "String -> Maybe Int", "length", "`-?[0-9]+` within 64 bits is `inr n`, anything else `inl ()`", PrimSemantics::strToInt),
    STR_CHARS(0x26, "String.chars", "String -> List String", "length", "one string per code point", PrimSemantics::strChars),
    STR_QUOTE(0x27, "show", "String -> String", "length of the result", "the string as a literal, as values print: `\"a\\\"b\"`, control characters as `\\u001b`", PrimSemantics::strQuote);

    /** The semantics of one primitive: the value register in, the result out, work charged to the meter. */
    @FunctionalInterface
    public interface Semantics {
        /** @throws PrimFailure if the primitive has no result for {@code in} */
        Value apply(Value in, Meter meter);
    }

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
    private final Semantics semantics;

    PrimOp(int code, String symbol, String signature, String cost, String result, Semantics semantics) {
        this.code = code;
        this.symbol = symbol;
        this.signature = PrimSignature.parse(signature);
        this.cost = cost;
        this.result = result;
        this.semantics = semantics;
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
    public Value apply(Value in, Meter meter) { return semantics.apply(in, meter); }
}
