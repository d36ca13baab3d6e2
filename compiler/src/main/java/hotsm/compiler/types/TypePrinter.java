package hotsm.compiler.types;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Prints types as a user writes them: {@code Int}, {@code Maybe Int},
 * {@code (Int, Bool)}, {@code a -> b}. Data types print by their bare name
 * ({@code Input}, not {@code Counter1.Input}) unless built with
 * {@code qualified}. One printer names type variables consistently across the
 * several types of one message: a variable's hint if it has one, else
 * {@code a}, {@code b}, ... in order of appearance.
 */
public final class TypePrinter {
    private final boolean qualified;
    private final Map<Integer, String> names = new HashMap<>();
    private final Set<String> used = new HashSet<>();

    public TypePrinter() { this(false); }

    public TypePrinter(boolean qualified) { this.qualified = qualified; }

    /** Prints one type with fresh variable names. */
    public static String print(Type type) { return new TypePrinter().show(type); }

    /** Prints a type; variables keep the names this printer gave them before. */
    public String show(Type type) {
        StringBuilder out = new StringBuilder();
        write(type, out, 0);
        return out.toString();
    }

    // precedence: 0 anywhere, 1 left of an arrow, 2 argument of a type constructor
    private void write(Type t, StringBuilder out, int prec) {
        if (t instanceof Type.Var v) {
            out.append(nameOf(v));
        } else if (t instanceof Type.Unit) {
            out.append("()");
        } else if (t instanceof Type.Tuple tu) {
            out.append('(');
            for (int i = 0; i < tu.components().size(); i++) {
                if (i > 0) out.append(", ");
                write(tu.components().get(i), out, 0);
            }
            out.append(')');
        } else if (t instanceof Type.Fun f) {
            if (prec > 0) out.append('(');
            write(f.from(), out, 1);
            out.append(" -> ");
            write(f.to(), out, 0);
            if (prec > 0) out.append(')');
        } else if (t instanceof Type.Con c) {
            String name = qualified ? c.name() : bare(c.name());
            if (c.args().isEmpty()) {
                out.append(name);
                return;
            }
            if (prec > 1) out.append('(');
            out.append(name);
            for (Type a : c.args()) {
                out.append(' ');
                write(a, out, 2);
            }
            if (prec > 1) out.append(')');
        }
    }

    /** {@code Counter1.Input} -> {@code Input}. */
    public static String bare(String qualifiedName) {
        int dot = qualifiedName.lastIndexOf('.');
        return dot < 0 ? qualifiedName : qualifiedName.substring(dot + 1);
    }

    private String nameOf(Type.Var v) {
        String known = names.get(v.id());
        if (known != null) return known;
        String name = null;
        if (v.hint() != null && !v.hint().isEmpty() && !used.contains(v.hint())) name = v.hint();
        for (int i = 0; name == null; i++) {
            String candidate = i < 26 ? String.valueOf((char) ('a' + i)) : "t" + (i - 26);
            if (!used.contains(candidate)) name = candidate;
        }
        names.put(v.id(), name);
        used.add(name);
        return name;
    }
}
