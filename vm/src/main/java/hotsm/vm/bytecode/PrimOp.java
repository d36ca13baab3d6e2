package hotsm.vm.bytecode;

/**
 * The primitive operations of the CAM and the IR. Binary operations take a
 * pair in the value register. Each line gives the transition on the value
 * register and the typing rule the verifier enforces.
 */
public enum PrimOp {
    /** {@code (Int, Int) -> Int}, wrapping. */
    ADD("+"),
    /** {@code (Int, Int) -> Int}, wrapping. */
    SUB("-"),
    /** {@code (Int, Int) -> Int}, wrapping. */
    MUL("*"),
    /** {@code (Int, Int) -> Int}, truncates toward zero; by zero is a run-time error. */
    DIV("/"),
    /** {@code (Int, Int) -> Int}, sign of the dividend; by zero is a run-time error. */
    MOD("%"),
    /** {@code Int -> Int}, wrapping. */
    NEG("negate"),
    /** {@code (t, t) -> Bool}, structural equality on any shape. */
    EQ("=="),
    /** {@code (t, t) -> Bool}. */
    NE("/="),
    /** {@code (t, t) -> Bool}: Int numerically, String by UTF-16 code units, sums Inl before Inr, pairs lexicographically. */
    LT("<"),
    /** {@code (t, t) -> Bool}. */
    LE("<="),
    /** {@code (t, t) -> Bool}. */
    GT(">"),
    /** {@code (t, t) -> Bool}. */
    GE(">="),
    /** {@code (String, String) -> String}. */
    CONCAT("++"),
    /** {@code Int -> String}, decimal, {@code -} for negatives. */
    SHOW_INT("showInt"),
    /** {@code String -> Int}, the number of UTF-16 code units. */
    LENGTH("length");

    private final String symbol;

    PrimOp(String symbol) { this.symbol = symbol; }

    /** The operator or function name the source language uses. */
    public String symbol() { return symbol; }
}
