package hotsm.vm.bytecode;

import java.util.HashMap;
import java.util.Map;

/**
 * A primitive's typing rule, written as in docs/bytecode.md
 * ({@code (a, List a) -> List a}) and read once: a pattern for the input and
 * one for the output over {@code ()}, {@code Int}, {@code String},
 * {@code Bool} ({@code () + ()}), {@code Maybe p} ({@code () + p}),
 * {@code List p}, {@code Map p q}, sums {@code p + q}, tuples (right-nested
 * pairs) and type variables (lower-case names), fresh at each use. Every
 * variable of the output occurs in the input, so the output is determined.
 */
public final class PrimSignature {
    /** A pattern node: a variable ({@code name} set) or a shape tag over parts. */
    private record Pattern(String variable, int tag, Pattern first, Pattern second) {}

    private final String text;
    private final Pattern input;
    private final Pattern output;

    private PrimSignature(String text, Pattern input, Pattern output) {
        this.text = text;
        this.input = input;
        this.output = output;
    }

    /** @throws IllegalArgumentException if {@code text} is not a signature */
    public static PrimSignature parse(String text) {
        int arrow = text.lastIndexOf("->");
        if (arrow < 0) throw new IllegalArgumentException("no '->' in signature " + text);
        Pattern in = new Reader(text.substring(0, arrow)).whole();
        Pattern out = new Reader(text.substring(arrow + 2)).whole();
        PrimSignature s = new PrimSignature(text, in, out);
        Map<String, Boolean> seen = new HashMap<>();
        s.variables(in, seen);
        Map<String, Boolean> used = new HashMap<>();
        s.variables(out, used);
        for (String v : used.keySet()) {
            if (!seen.containsKey(v)) throw new IllegalArgumentException("output variable " + v + " not in the input of " + text);
        }
        return s;
    }

    private void variables(Pattern p, Map<String, Boolean> into) {
        if (p == null) return;
        if (p.variable != null) into.put(p.variable, true);
        variables(p.first, into);
        variables(p.second, into);
    }

    /** As written: {@code (a, List a) -> List a}. */
    @Override public String toString() { return text; }

    /** The input pattern as written, e.g. {@code (a, List a)}. */
    public String inputText() { return text.substring(0, text.lastIndexOf("->")).trim(); }

    /** A value register that does not match the input pattern. */
    public static final class Mismatch extends RuntimeException {
        private final String expected;

        Mismatch(String expected) {
            super("needs " + expected, null, false, false);
            this.expected = expected;
        }

        /** What the input should be: {@code (a, a) (the same type for each variable)}. */
        public String expected() { return expected; }
    }

    /**
     * The output shape for input shape {@code in}, binding the variables.
     *
     * @throws Mismatch if {@code in} does not match the input pattern
     */
    public <T> T apply(ShapeAlgebra<T> algebra, T in) {
        Map<String, T> bound = new HashMap<>();
        if (!match(algebra, input, in, bound)) {
            boolean variableConflict = match(algebra, input, in, new VariablesFree<>());
            throw new Mismatch(inputText() + (variableConflict ? " (the same type for each variable)" : ""));
        }
        return build(algebra, output, bound);
    }

    /** Bindings that accept every variable: to tell a structural mismatch from a conflicting variable. */
    private static final class VariablesFree<T> extends HashMap<String, T> {
        @Override public T putIfAbsent(String key, T value) { return null; }
    }

    private static <T> boolean match(ShapeAlgebra<T> a, Pattern p, T t, Map<String, T> bound) {
        if (p.variable != null) {
            T earlier = bound.putIfAbsent(p.variable, t);
            return earlier == null || a.same(earlier, t);
        }
        if (a.tag(t) != p.tag) return false;
        if (p.first != null && !match(a, p.first, a.part(t, 0), bound)) return false;
        return p.second == null || match(a, p.second, a.part(t, 1), bound);
    }

    private static <T> T build(ShapeAlgebra<T> a, Pattern p, Map<String, T> bound) {
        if (p.variable != null) return bound.get(p.variable);
        T first = p.first == null ? null : build(a, p.first, bound);
        T second = p.second == null ? null : build(a, p.second, bound);
        return a.make(p.tag, first, second);
    }

    /** Recursive descent over the short, fixed signature texts of {@link PrimOp}. */
    private static final class Reader {
        private final String s;
        private int pos;

        Reader(String s) { this.s = s; }

        Pattern whole() {
            Pattern p = sum();
            skip();
            if (pos != s.length()) throw error("unexpected '" + s.charAt(pos) + "'");
            return p;
        }

        private Pattern sum() {
            Pattern left = application();
            skip();
            if (pos < s.length() && s.charAt(pos) == '+') {
                pos++;
                return node(ShapeAlgebra.SUM, left, sum());
            }
            return left;
        }

        private Pattern application() {
            skip();
            String word = peekWord();
            switch (word) {
                case "List": pos += 4; return node(ShapeAlgebra.LIST, atom(), null);
                case "Map": { pos += 3; Pattern k = atom(); return node(ShapeAlgebra.MAP, k, atom()); }
                case "Maybe": pos += 5; return node(ShapeAlgebra.SUM, node(ShapeAlgebra.UNIT, null, null), atom());
                default: return atom();
            }
        }

        private Pattern atom() {
            skip();
            if (pos >= s.length()) throw error("expected a type");
            if (s.charAt(pos) == '(') {
                pos++;
                skip();
                if (s.charAt(pos) == ')') {
                    pos++;
                    return node(ShapeAlgebra.UNIT, null, null);
                }
                java.util.List<Pattern> parts = new java.util.ArrayList<>();
                parts.add(sum());
                skip();
                while (s.charAt(pos) == ',') {
                    pos++;
                    parts.add(sum());
                    skip();
                }
                if (s.charAt(pos++) != ')') throw error("expected ')'");
                Pattern p = parts.get(parts.size() - 1);
                for (int i = parts.size() - 2; i >= 0; i--) p = node(ShapeAlgebra.PAIR, parts.get(i), p);
                return p;
            }
            String word = peekWord();
            if (word.isEmpty()) throw error("expected a type");
            pos += word.length();
            switch (word) {
                case "Int": return node(ShapeAlgebra.INT, null, null);
                case "String": return node(ShapeAlgebra.STR, null, null);
                case "Bool": return node(ShapeAlgebra.SUM, node(ShapeAlgebra.UNIT, null, null), node(ShapeAlgebra.UNIT, null, null));
                default:
                    if (!Character.isLowerCase(word.charAt(0))) throw error("unknown type " + word);
                    return new Pattern(word, -1, null, null);
            }
        }

        private static Pattern node(int tag, Pattern first, Pattern second) { return new Pattern(null, tag, first, second); }

        private String peekWord() {
            int end = pos;
            while (end < s.length() && Character.isLetter(s.charAt(end))) end++;
            return s.substring(pos, end);
        }

        private void skip() {
            while (pos < s.length() && s.charAt(pos) == ' ') pos++;
        }

        private IllegalArgumentException error(String what) {
            return new IllegalArgumentException(what + " at " + pos + " in signature '" + s + "'");
        }
    }
}
