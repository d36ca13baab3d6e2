package hotsm.vm.value;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the text of a value into {@link ValueSyntax}, untyped:
 * <pre>
 * value := Ctor atom* | atom
 * atom  := Ctor | int | '-' int | string | '(' ')' | '(' value (',' value)* ')'
 * </pre>
 * Spaces are ignored between tokens; parentheses around a single value are
 * redundant and dropped. Nesting is limited so hostile text cannot exhaust the stack.
 */
final class ValueReader {
    static final int MAX_DEPTH = 1_000;

    private final String text;
    private int pos;
    private int depth;

    private ValueReader(String text) { this.text = text; }

    static ValueSyntax read(String text) {
        ValueReader r = new ValueReader(text);
        r.skipSpaces();
        if (r.pos >= text.length()) throw new ValueSyntaxException(r.pos, "expected a value, found the end of the input");
        ValueSyntax v = r.value();
        r.skipSpaces();
        if (r.pos < text.length()) {
            throw new ValueSyntaxException(r.pos, "unexpected " + r.describeHere() + " after the value");
        }
        return v;
    }

    private ValueSyntax value() {
        skipSpaces();
        if (pos < text.length() && startsName(text.charAt(pos))) {
            int start = pos;
            String name = ctorName();
            int nameEnd = pos;
            List<ValueSyntax> args = new ArrayList<>();
            while (true) {
                skipSpaces();
                if (!startsAtom()) break;
                args.add(atom());
            }
            int end = args.isEmpty() ? nameEnd : args.get(args.size() - 1).end();
            return new ValueSyntax.CtorApp(start, end, name, args);
        }
        return atom();
    }

    private boolean startsAtom() {
        if (pos >= text.length()) return false;
        char c = text.charAt(pos);
        return c == '(' || c == '"' || c == '-' || Character.isDigit(c) || startsName(c);
    }

    private ValueSyntax atom() {
        skipSpaces();
        if (pos >= text.length()) throw new ValueSyntaxException(pos, "expected a value, found the end of the input");
        char c = text.charAt(pos);
        int start = pos;
        if (startsName(c)) {
            String name = ctorName();
            return new ValueSyntax.CtorApp(start, pos, name, List.of());
        }
        if (c == '-' || Character.isDigit(c)) return integer();
        if (c == '"') return string();
        if (c == '(') return parenthesized();
        throw new ValueSyntaxException(pos, "expected a value, found " + describeHere());
    }

    private String ctorName() {
        int segment = pos;
        while (true) {
            segment = pos;
            while (pos < text.length() && isIdentChar(text.charAt(pos))) pos++;
            // Module.Ctor: keep the last segment.
            if (pos + 1 < text.length() && text.charAt(pos) == '.' && Character.isUpperCase(text.charAt(pos + 1))) {
                pos++;
            } else {
                return text.substring(segment, pos);
            }
        }
    }

    /** Any name is read, so a misspelt {@code count} is reported as an unknown constructor. */
    private static boolean startsName(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static boolean isIdentChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '\'';
    }

    private ValueSyntax integer() {
        int start = pos;
        boolean negative = false;
        if (text.charAt(pos) == '-') {
            negative = true;
            pos++;
            skipSpaces();
        }
        int digits = pos;
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) pos++;
        if (digits == pos) throw new ValueSyntaxException(pos, "expected digits after '-', found " + describeHere());
        if (pos < text.length() && isIdentChar(text.charAt(pos))) {
            throw new ValueSyntaxException(pos, "unexpected " + describeHere() + " in a number");
        }
        String literal = (negative ? "-" : "") + text.substring(digits, pos);
        try {
            return new ValueSyntax.IntLit(start, pos, Long.parseLong(literal));
        } catch (NumberFormatException e) {
            throw new ValueSyntaxException(start, "integer " + literal + " does not fit in 64 bits");
        }
    }

    private ValueSyntax string() {
        int start = pos;
        pos++;
        StringBuilder b = new StringBuilder();
        while (true) {
            if (pos >= text.length()) throw new ValueSyntaxException(start, "unterminated string");
            char c = text.charAt(pos++);
            if (c == '"') return new ValueSyntax.StrLit(start, pos, b.toString());
            if (c != '\\') {
                b.append(c);
                continue;
            }
            if (pos >= text.length()) throw new ValueSyntaxException(start, "unterminated string");
            char e = text.charAt(pos++);
            switch (e) {
                case '"' -> b.append('"');
                case '\\' -> b.append('\\');
                case 'n' -> b.append('\n');
                case 't' -> b.append('\t');
                default -> throw new ValueSyntaxException(pos - 2,
                        "unknown escape '\\" + e + "' in a string (use \\\" \\\\ \\n or \\t)");
            }
        }
    }

    private ValueSyntax parenthesized() {
        int start = pos;
        if (++depth > MAX_DEPTH) throw new ValueSyntaxException(pos, "value nested more than " + MAX_DEPTH + " deep");
        pos++;
        skipSpaces();
        if (pos < text.length() && text.charAt(pos) == ')') {
            pos++;
            depth--;
            return new ValueSyntax.UnitLit(start, pos);
        }
        List<ValueSyntax> parts = new ArrayList<>();
        parts.add(value());
        while (true) {
            skipSpaces();
            if (pos >= text.length()) throw new ValueSyntaxException(start, "unclosed '('");
            char c = text.charAt(pos);
            if (c == ',') {
                pos++;
                parts.add(value());
            } else if (c == ')') {
                pos++;
                break;
            } else {
                throw new ValueSyntaxException(pos, "expected ',' or ')', found " + describeHere());
            }
        }
        depth--;
        if (parts.size() == 1) return parts.get(0);
        return new ValueSyntax.TupleLit(start, pos, parts);
    }

    private void skipSpaces() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) pos++;
    }

    private String describeHere() {
        if (pos >= text.length()) return "the end of the input";
        return "'" + text.charAt(pos) + "'";
    }
}
