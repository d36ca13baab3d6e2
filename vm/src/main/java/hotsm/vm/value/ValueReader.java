package hotsm.vm.value;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the text of a value into {@link ValueSyntax}, untyped:
 * <pre>
 * value  := Ctor atom* | atom
 * atom   := Ctor | Ctor '{' [field (',' field)*] '}' | int | '-' int | string
 *         | '(' ')' | '(' value (',' value)* ')' | '[' [value (',' value)*] ']'
 *         | 'Map.fromList' atom | 'Map.empty'
 * field  := name '=' value
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
            ValueSyntax special = afterName(start, name);
            if (special != null) return special;
            int end = pos;
            List<ValueSyntax> args = new ArrayList<>();
            while (true) {
                skipSpaces();
                if (!startsAtom()) break;
                args.add(atom());
                end = pos;   // after the argument's closing ')' too (a parenthesised value is its inside's node)
            }
            return new ValueSyntax.CtorApp(start, end, name, args);
        }
        return atom();
    }

    private boolean startsAtom() {
        if (pos >= text.length()) return false;
        char c = text.charAt(pos);
        return c == '(' || c == '[' || c == '"' || c == '-' || Character.isDigit(c) || startsName(c);
    }

    private ValueSyntax atom() {
        skipSpaces();
        if (pos >= text.length()) throw new ValueSyntaxException(pos, "expected a value, found the end of the input");
        char c = text.charAt(pos);
        int start = pos;
        if (startsName(c)) {
            String name = ctorName();
            ValueSyntax special = afterName(start, name);
            if (special != null) return special;
            return new ValueSyntax.CtorApp(start, pos, name, List.of());
        }
        if (c == '[') return list();
        if (c == '-' || Character.isDigit(c)) return integer();
        if (c == '"') return string();
        if (c == '(') return parenthesized();
        throw new ValueSyntaxException(pos, "expected a value, found " + describeHere());
    }

    /**
     * What follows a name that makes it more than a constructor: {@code Map.fromList [...]},
     * {@code Map.empty}, or a record's {@code { f = v, ... }}; else {@code null}.
     */
    private ValueSyntax afterName(int start, String name) {
        if (name.equals("Map") && text.startsWith(".fromList", pos)) {
            pos += ".fromList".length();
            ValueSyntax list = atom();
            if (!(list instanceof ValueSyntax.ListLit l)) {
                throw new ValueSyntaxException(list.start(), "expected a list of (key, value) pairs after Map.fromList");
            }
            return new ValueSyntax.MapLit(start, pos, l.elements());
        }
        if (name.equals("Map") && text.startsWith(".empty", pos)) {
            pos += ".empty".length();
            return new ValueSyntax.MapLit(start, pos, List.of());
        }
        int save = pos;
        skipSpaces();
        if (pos < text.length() && text.charAt(pos) == '{') return record(start, name);
        pos = save;
        return null;
    }

    /** {@code { f = v, ... }} after a constructor name. */
    private ValueSyntax record(int start, String name) {
        int open = pos;
        enter();
        pos++;
        List<ValueSyntax.Field> fields = new ArrayList<>();
        skipSpaces();
        if (pos < text.length() && text.charAt(pos) == '}') {
            pos++;
        } else {
            while (true) {
                skipSpaces();
                int fieldStart = pos;
                while (pos < text.length() && isIdentChar(text.charAt(pos))) pos++;
                if (fieldStart == pos) throw new ValueSyntaxException(pos, "expected a field name, found " + describeHere());
                String field = text.substring(fieldStart, pos);
                skipSpaces();
                if (pos >= text.length() || text.charAt(pos) != '=') {
                    throw new ValueSyntaxException(pos, "expected '=' after the field name " + field + ", found " + describeHere());
                }
                pos++;
                fields.add(new ValueSyntax.Field(fieldStart, field, value()));
                skipSpaces();
                if (pos >= text.length()) throw new ValueSyntaxException(open, "unclosed '{'");
                char c = text.charAt(pos++);
                if (c == '}') break;
                if (c != ',') {
                    pos--;
                    throw new ValueSyntaxException(pos, "expected ',' or '}', found " + describeHere());
                }
            }
        }
        depth--;
        return new ValueSyntax.RecordLit(start, pos, name, fields);
    }

    /** {@code [a, b, ...]}: elements in a loop, so a long list costs no stack. */
    private ValueSyntax list() {
        int start = pos;
        enter();
        pos++;
        List<ValueSyntax> elements = new ArrayList<>();
        skipSpaces();
        if (pos < text.length() && text.charAt(pos) == ']') {
            pos++;
        } else {
            while (true) {
                elements.add(value());
                skipSpaces();
                if (pos >= text.length()) throw new ValueSyntaxException(start, "unclosed '['");
                char c = text.charAt(pos++);
                if (c == ']') break;
                if (c != ',') {
                    pos--;
                    throw new ValueSyntaxException(pos, "expected ',' or ']', found " + describeHere());
                }
            }
        }
        depth--;
        return new ValueSyntax.ListLit(start, pos, elements);
    }

    private void enter() {
        if (++depth > MAX_DEPTH) throw new ValueSyntaxException(pos, "value nested more than " + MAX_DEPTH + " deep");
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
                case 'u' -> {
                    if (pos + 4 > text.length() || !isHex(text, pos, 4)) {
                        throw new ValueSyntaxException(pos - 2, "expected four hex digits after '\\u' in a string");
                    }
                    b.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                    pos += 4;
                }
                default -> throw new ValueSyntaxException(pos - 2,
                        "unknown escape '\\" + e + "' in a string (use \\\" \\\\ \\n \\t or \\u and four hex digits)");
            }
        }
    }

    private static boolean isHex(String s, int from, int n) {
        for (int i = from; i < from + n; i++) {
            if (Character.digit(s.charAt(i), 16) < 0) return false;
        }
        return true;
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
        return "'" + ValuePrinter.escapeControls(String.valueOf(text.charAt(pos))) + "'";
    }
}
