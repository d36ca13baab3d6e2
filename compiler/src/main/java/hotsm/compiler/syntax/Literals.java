package hotsm.compiler.syntax;

import java.math.BigInteger;
import org.antlr.v4.runtime.Token;

/** Integer and string literals: range checks and escapes (LANGUAGE.md §2). */
final class Literals {
    private static final BigInteger MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private Literals() {}

    /** The value of an INT token, negated if {@code negative}; 0 after reporting an error if it does not fit. */
    static long integer(Token digits, boolean negative, BuildContext context) {
        BigInteger value = new BigInteger(digits.getText());
        if (negative) value = value.negate();
        if (value.compareTo(MIN) < 0 || value.compareTo(MAX) > 0) {
            context.error(digits, "integer literal " + (negative ? "-" : "") + digits.getText()
                    + " does not fit in 64 bits (the range is " + Long.MIN_VALUE + " to " + Long.MAX_VALUE + ")");
            return 0;
        }
        return value.longValue();
    }

    /** The text of a STRING token without quotes, escapes resolved; an unknown escape is reported. */
    static String string(Token literal, BuildContext context) {
        String text = literal.getText();
        StringBuilder out = new StringBuilder();
        int end = text.length() - 1;
        for (int i = 1; i < end; i++) {
            char c = text.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char escaped = i + 1 < end ? text.charAt(++i) : '\\';
            switch (escaped) {
                case '"' -> out.append('"');
                case '\\' -> out.append('\\');
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                default -> {
                    Position at = context.pos(literal);
                    context.error(new Position(at.file(), at.line(), at.column() + i - 1), 2,
                            "unknown escape '\\" + escaped + "' in a string: use \\\" \\\\ \\n or \\t");
                }
            }
        }
        return out.toString();
    }
}
