package hotsm.compiler.syntax;

/** The binary operators of LANGUAGE.md §2, loosest first. */
public enum BinaryOp {
    OR("||"), AND("&&"),
    EQ("=="), NE("/="), LT("<"), LE("<="), GT(">"), GE(">="),
    CONCAT("++"),
    ADD("+"), SUB("-"),
    MUL("*"), DIV("/"), MOD("%");

    private final String symbol;

    BinaryOp(String symbol) { this.symbol = symbol; }

    public String symbol() { return symbol; }
}
