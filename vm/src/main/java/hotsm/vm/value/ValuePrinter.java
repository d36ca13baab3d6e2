package hotsm.vm.value;

import hotsm.vm.types.TypeDesc;
import java.util.List;

/**
 * Prints a value in source syntax, using its type's names: {@code Ok},
 * {@code Total 2}, {@code Just (Total (-3))}, {@code (1, True, "x")},
 * {@code "a\"b"}, {@code ()}. {@link ValueParser} reads the same syntax back.
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

    /** {@code "a\"b"}: the string as a literal with {@code \" \\ \n \t} escapes. */
    public static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }

    /**
     * A value without its type, in the erased representation: {@code ()},
     * {@code -3}, {@code "x"}, {@code (a, b)}, {@code inl a}, {@code inr (inl ())}.
     * For listings, where only a shape is known.
     */
    public static String printErased(Value value) {
        StringBuilder out = new StringBuilder();
        printErased(value, false, out, 0);
        return out.toString();
    }

    /** Nesting beyond which {@link #printErased} prints {@code ...} (it may see unverified values). */
    private static final int ERASED_PRINT_DEPTH = 100;

    private static void printErased(Value value, boolean argument, StringBuilder out, int depth) {
        if (depth > ERASED_PRINT_DEPTH) {
            out.append("...");
        } else if (value instanceof Value.Unit) {
            out.append("()");
        } else if (value instanceof Value.Int i) {
            out.append(argument && i.value() < 0 ? "(" + i.value() + ")" : Long.toString(i.value()));
        } else if (value instanceof Value.Str s) {
            out.append(quote(s.value()));
        } else if (value instanceof Value.Pair p) {
            out.append('(');
            printErased(p.first(), false, out, depth + 1);
            out.append(", ");
            printErased(p.second(), false, out, depth + 1);
            out.append(')');
        } else {
            boolean left = value instanceof Value.Inl;
            Value inner = left ? ((Value.Inl) value).value() : ((Value.Inr) value).value();
            if (argument) out.append('(');
            out.append(left ? "inl " : "inr ");
            printErased(inner, true, out, depth + 1);
            if (argument) out.append(')');
        }
    }

    /** A type with its constructors: {@code Input (Incr | Count)}, {@code Maybe Int (Nothing | Just Int)}; others as they print. */
    public static String describeType(TypeDesc type) {
        if (!(type instanceof TypeDesc.Data d)) return type.toString();
        List<String> alternatives = new java.util.ArrayList<>();
        for (TypeDesc.Constructor c : d.constructors()) {
            StringBuilder b = new StringBuilder(c.name());
            for (TypeDesc f : c.fields()) {
                String s = f.toString();
                boolean wrap = f instanceof TypeDesc.Data fd && !fd.arguments().isEmpty();
                b.append(' ').append(wrap ? "(" + s + ")" : s);
            }
            alternatives.add(b.toString());
        }
        return d + " (" + String.join(" | ", alternatives) + ")";
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
        printFields(c.fields(), fields, " ", out, d);
        if (argument) out.append(')');
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
