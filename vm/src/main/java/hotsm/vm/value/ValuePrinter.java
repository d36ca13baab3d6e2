package hotsm.vm.value;

import hotsm.vm.types.TypeDesc;
import java.util.List;

/**
 * Prints a value in source syntax, using its type's names: {@code Ok},
 * {@code Total 2}, {@code Just (Total (-3))}, {@code (1, True, "x")},
 * {@code "a\"b"}, {@code ()}, {@code [1, 2]}, {@code Map.fromList [(1, "a")]},
 * {@code Account { balance = 3, frozen = False }}. {@link ValueParser} reads
 * the same syntax back. Recursion follows the type, never the length of a
 * list or map (those are loops), so a million-element list prints.
 */
public final class ValuePrinter {
    private ValuePrinter() {}

    /**
     * @throws IllegalArgumentException if the value does not have the type's erased shape
     */
    public static String print(TypeDesc type, Value value) {
        StringBuilder out = new StringBuilder();
        print(type, value, false, out);
        return out.toString();
    }

    /**
     * {@code "a\"b"}: the string as a literal with {@code \" \\ \n \t} escapes
     * and every other control character (C0, DEL, C1) as a backslash, {@code u} and four
     * hex digits (ESC prints as the six characters {@code \\u001b}), so no
     * printed value can drive a terminal; {@link ValueParser} reads them back.
     */
    public static String quote(String s) {
        return '"' + escape(s) + '"';
    }

    /**
     * Text for a one-line message or listing: control characters escaped as in
     * {@link #quote} ({@code \n}, {@code \t}, the rest as a backslash, {@code u} and
     * four hex digits), everything else (quotes and backslashes included) as it is.
     */
    public static String escapeControls(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isISOControl(c)) {
                if (out != null) out.append(c);
                continue;
            }
            if (out == null) out = new StringBuilder(s.length() + 8).append(s, 0, i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out == null ? s : out.toString();
    }

    /**
     * The text of a string literal without its quotes: {@code \" \\ \n \t} and
     * the other control characters escaped, as {@link #quote} writes them (for
     * messages that carry user text, such as {@code error}'s).
     */
    public static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> {
                    if (Character.isISOControl(c)) out.append(String.format("\\u%04x", (int) c));
                    else out.append(c);
                }
            }
        }
        return out.toString();
    }

    /**
     * A value without its type, in the erased representation: {@code ()},
     * {@code -3}, {@code "x"}, {@code (a, b)}, {@code inl a}, {@code inr (inl ())}.
     * The one printer of erased values: {@link Value}'s {@code toString}, the IR's
     * {@code const(v : T)}, CAM listings and traces all print through it.
     */
    public static String printErased(Value value) {
        return printErased(value, Integer.MAX_VALUE);
    }

    /**
     * As {@link #printErased(Value)}, stopping with {@code ...} once about
     * {@code maxChars} characters are written, so printing the beginning of a
     * huge value (for a trace line) costs no more than the beginning.
     */
    public static String printErased(Value value, int maxChars) {
        StringBuilder out = new StringBuilder();
        printErased(value, false, out, 0, maxChars);
        if (out.length() > maxChars) {
            out.setLength(Math.max(0, maxChars - 3));
            out.append("...");
        }
        return out.toString();
    }

    /** Nesting beyond which {@link #printErased} prints {@code ...} (it may see unverified values). */
    private static final int ERASED_PRINT_DEPTH = 100;

    private static void printErased(Value value, boolean argument, StringBuilder out, int depth, int max) {
        if (out.length() > max) return;
        if (depth > ERASED_PRINT_DEPTH) {
            out.append("...");
        } else if (value instanceof Value.Unit) {
            out.append("()");
        } else if (value instanceof Value.Int i) {
            out.append(argument && i.value() < 0 ? "(" + i.value() + ")" : Long.toString(i.value()));
        } else if (value instanceof Value.Str s) {
            String text = s.value();
            out.append(quote(text.length() > max ? text.substring(0, max) : text));
        } else if (value instanceof Value.Pair p) {
            out.append('(');
            printErased(p.first(), false, out, depth + 1, max);
            out.append(", ");
            printErased(p.second(), false, out, depth + 1, max);
            out.append(')');
        } else if (value instanceof Value.ListOf list) {
            out.append('[');
            boolean first = true;
            for (Value element : list) {
                if (out.length() > max) break;
                if (!first) out.append(", ");
                first = false;
                printErased(element, false, out, depth + 1, max);
            }
            out.append(']');
        } else if (value instanceof Value.MapOf map) {
            if (argument) out.append('(');
            out.append("Map.fromList [");
            boolean first = true;
            for (java.util.Iterator<Value.Pair> it = map.iterator(); it.hasNext() && out.length() <= max; ) {
                Value.Pair entry = it.next();
                if (!first) out.append(", ");
                first = false;
                printErased(entry, false, out, depth + 1, max);
            }
            out.append(']');
            if (argument) out.append(')');
        } else {
            boolean left = value instanceof Value.Inl;
            Value inner = left ? ((Value.Inl) value).value() : ((Value.Inr) value).value();
            if (argument) out.append('(');
            out.append(left ? "inl " : "inr ");
            printErased(inner, true, out, depth + 1, max);
            if (argument) out.append(')');
        }
    }

    /** @param argument whether the value stands as a constructor's argument (then {@code Just 1} and {@code -3} need parentheses) */
    private static void print(TypeDesc type, Value value, boolean argument, StringBuilder out) {
        if (type instanceof TypeDesc.Unit) {
            expect(value instanceof Value.Unit, type, value);
            out.append("()");
        } else if (type instanceof TypeDesc.Int) {
            expect(value instanceof Value.Int, type, value);
            long n = ((Value.Int) value).value();
            out.append(argument && n < 0 ? "(" + n + ")" : Long.toString(n));
        } else if (type instanceof TypeDesc.Str) {
            expect(value instanceof Value.Str, type, value);
            out.append(quote(((Value.Str) value).value()));
        } else if (type instanceof TypeDesc.Tuple t) {
            out.append('(');
            printFields(t.components(), value, ", ", out, type);
            out.append(')');
        } else if (type instanceof TypeDesc.Data d) {
            printData(d, value, argument, out);
        } else if (type instanceof TypeDesc.ListOf l) {
            expect(value instanceof Value.ListOf, type, value);
            out.append('[');
            boolean first = true;
            for (Value element : (Value.ListOf) value) {
                if (!first) out.append(", ");
                first = false;
                print(l.element(), element, false, out);
            }
            out.append(']');
        } else if (type instanceof TypeDesc.MapOf m) {
            expect(value instanceof Value.MapOf, type, value);
            if (argument) out.append('(');
            out.append("Map.fromList [");
            boolean first = true;
            for (Value.Pair entry : ((Value.MapOf) value).entries()) {
                if (!first) out.append(", ");
                first = false;
                out.append('(');
                print(m.key(), entry.first(), false, out);
                out.append(", ");
                print(m.value(), entry.second(), false, out);
                out.append(')');
            }
            out.append(']');
            if (argument) out.append(')');
        } else {
            throw new IllegalArgumentException("unknown type " + type);
        }
    }

    private static void printData(TypeDesc.Data d, Value value, boolean argument, StringBuilder out) {
        List<TypeDesc.Constructor> ctors = d.constructors();
        int i = 0;
        Value fields = value;
        if (ctors.size() > 1) {
            while (i < ctors.size() - 1 && fields instanceof Value.Inr r) {
                fields = r.value();
                i++;
            }
            if (i < ctors.size() - 1) {
                expect(fields instanceof Value.Inl, d, value);
                fields = ((Value.Inl) fields).value();
            }
        }
        TypeDesc.Constructor c = ctors.get(i);
        if (c.fields().isEmpty()) {
            expect(fields instanceof Value.Unit, d, value);
            out.append(c.name());
            return;
        }
        if (argument) out.append('(');
        out.append(c.name()).append(' ');
        if (c.isRecord()) {
            out.append("{ ");
            printRecordFields(c, fields, out, d);
            out.append(" }");
        } else {
            printFields(c.fields(), fields, " ", out, d);
        }
        if (argument) out.append(')');
    }

    /** {@code balance = 3, frozen = False}: the fields as right-nested pairs, each with its name. */
    private static void printRecordFields(TypeDesc.Constructor c, Value value, StringBuilder out, TypeDesc whole) {
        List<TypeDesc> types = c.fields();
        for (int k = 0; k < types.size(); k++) {
            if (k > 0) out.append(", ");
            out.append(c.fieldNames().get(k)).append(" = ");
            if (k == types.size() - 1) {
                print(types.get(k), value, false, out);
            } else {
                expect(value instanceof Value.Pair, whole, value);
                Value.Pair p = (Value.Pair) value;
                print(types.get(k), p.first(), false, out);
                value = p.second();
            }
        }
    }

    /** Right-nested pairs, one per field but the last. */
    private static void printFields(List<TypeDesc> types, Value value, String separator, StringBuilder out, TypeDesc whole) {
        boolean arguments = separator.equals(" ");
        for (int k = 0; k < types.size(); k++) {
            if (k > 0) out.append(separator);
            if (k == types.size() - 1) {
                print(types.get(k), value, arguments, out);
            } else {
                expect(value instanceof Value.Pair, whole, value);
                Value.Pair p = (Value.Pair) value;
                print(types.get(k), p.first(), arguments, out);
                value = p.second();
            }
        }
    }

    private static void expect(boolean ok, TypeDesc type, Value value) {
        if (!ok) throw new IllegalArgumentException("value " + printErased(value) + " does not have type " + type);
    }
}
