package hotsm.vm.bytecode;

import java.util.HashMap;
import java.util.List;
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
    private final SigType inputType;
    private final SigType outputType;
    private final Pattern input;
    private final Pattern output;

    private PrimSignature(String text, SigType inputType, SigType outputType) {
        this.text = text;
        this.inputType = inputType;
        this.outputType = outputType;
        this.input = erase(inputType);
        this.output = erase(outputType);
    }

    /** @throws IllegalArgumentException if {@code text} is not a signature */
    public static PrimSignature parse(String text) {
        int arrow = text.lastIndexOf("->");
        if (arrow < 0) throw new IllegalArgumentException("no '->' in signature " + text);
        SigType inType = new Reader(text.substring(0, arrow)).whole();
        SigType outType = new Reader(text.substring(arrow + 2)).whole();
        PrimSignature s = new PrimSignature(text, inType, outType);
        Pattern in = s.input;
        Pattern out = s.output;
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

    /** The input type as the source language sees it (for a type checker). */
    public SigType input() { return inputType; }

    /** The output type as the source language sees it. */
    public SigType output() { return outputType; }

    /** The shape pattern of a source-level type: tuples as right-nested pairs, Bool and Maybe as sums. */
    private static Pattern erase(SigType t) {
        if (t instanceof SigType.Var v) return new Pattern(v.name(), -1, null, null);
        if (t instanceof SigType.Unit) return node(ShapeAlgebra.UNIT, null, null);
        if (t instanceof SigType.Sum sum) return node(ShapeAlgebra.SUM, erase(sum.left()), erase(sum.right()));
        if (t instanceof SigType.Tuple tuple) {
            List<SigType> parts = tuple.components();
            Pattern p = erase(parts.get(parts.size() - 1));
            for (int i = parts.size() - 2; i >= 0; i--) p = node(ShapeAlgebra.PAIR, erase(parts.get(i)), p);
            return p;
        }
        SigType.Named n = (SigType.Named) t;
        Pattern unit = node(ShapeAlgebra.UNIT, null, null);
        return switch (n.name()) {
            case "Int" -> node(ShapeAlgebra.INT, null, null);
            case "String" -> node(ShapeAlgebra.STR, null, null);
            case "Bool" -> node(ShapeAlgebra.SUM, unit, unit);
            case "Maybe" -> node(ShapeAlgebra.SUM, unit, erase(n.arguments().get(0)));
            case "List" -> node(ShapeAlgebra.LIST, erase(n.arguments().get(0)), null);
            default -> node(ShapeAlgebra.MAP, erase(n.arguments().get(0)), erase(n.arguments().get(1)));
        };
    }

    private static Pattern node(int tag, Pattern first, Pattern second) { return new Pattern(null, tag, first, second); }

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

        SigType whole() {
            SigType t = sum();
            skip();
            if (pos != s.length()) throw error("unexpected '" + s.charAt(pos) + "'");
            return t;
        }

        private SigType sum() {
            SigType left = application();
            skip();
            if (pos < s.length() && s.charAt(pos) == '+') {
                pos++;
                return new SigType.Sum(left, sum());
            }
            return left;
        }

        private SigType application() {
            skip();
            String word = peekWord();
            switch (word) {
                case "List", "Maybe" -> {
                    pos += word.length();
                    return new SigType.Named(word, List.of(atom()));
                }
                case "Map" -> {
                    pos += 3;
                    SigType k = atom();
                    return new SigType.Named(word, List.of(k, atom()));
                }
                default -> {
                    return atom();
                }
            }
        }

        private SigType atom() {
            skip();
            if (pos >= s.length()) throw error("expected a type");
            if (s.charAt(pos) == '(') {
                pos++;
                skip();
                if (s.charAt(pos) == ')') {
                    pos++;
                    return new SigType.Unit();
                }
                List<SigType> parts = new java.util.ArrayList<>();
                parts.add(sum());
                skip();
                while (s.charAt(pos) == ',') {
                    pos++;
                    parts.add(sum());
                    skip();
                }
                if (s.charAt(pos++) != ')') throw error("expected ')'");
                return parts.size() == 1 ? parts.get(0) : new SigType.Tuple(parts);
            }
            String word = peekWord();
            if (word.isEmpty()) throw error("expected a type");
            pos += word.length();
            if (word.equals("Int") || word.equals("String") || word.equals("Bool")) return new SigType.Named(word, List.of());
            if (!Character.isLowerCase(word.charAt(0))) throw error("unknown type " + word);
            return new SigType.Var(word);
        }

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
