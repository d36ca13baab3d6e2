package hotsm.vm.types;

/**
 * The erased, structural type of a value (LANGUAGE.md §4): what the VM and the
 * verifier see. Data types and tuples have been turned into right-nested sums
 * and pairs; names are gone (they live in {@link TypeDesc}).
 */
public sealed interface Shape {

    /** {@code ()}: the type with one value. */
    record Unit() implements Shape {
        @Override public String toString() { return "()"; }
    }

    /** 64-bit two's-complement integers. */
    record Int() implements Shape {
        @Override public String toString() { return "Int"; }
    }

    /** Strings of UTF-16 code units, as Java's. */
    record Str() implements Shape {
        @Override public String toString() { return "String"; }
    }

    /** {@code (A, B)}. */
    record Pair(Shape first, Shape second) implements Shape {
        @Override public String toString() { return "(" + first + ", " + second + ")"; }
    }

    /** {@code A + B}: a value is {@code Inl a} or {@code Inr b}. */
    record Sum(Shape left, Shape right) implements Shape {
        @Override public String toString() {
            String l = left instanceof Sum ? "(" + left + ")" : left.toString();
            return l + " + " + right;
        }
    }

    /** {@code List A}: a finite sequence of values of shape A (LANGUAGE.md §12). */
    record ListOf(Shape element) implements Shape {
        @Override public String toString() { return "List " + argument(element); }
    }

    /** {@code Map K V}: a finite map with keys ordered by the value order (LANGUAGE.md §12). */
    record MapOf(Shape key, Shape value) implements Shape {
        @Override public String toString() { return "Map " + argument(key) + " " + argument(value); }
    }

    /** A shape as the argument of {@code List} or {@code Map}: parenthesised unless atomic. */
    private static String argument(Shape s) {
        return s instanceof Sum || s instanceof ListOf || s instanceof MapOf ? "(" + s + ")" : s.toString();
    }

    Shape UNIT = new Unit();
    Shape INT = new Int();
    Shape STR = new Str();
    /** {@code Bool = False + True}. */
    Shape BOOL = new Sum(UNIT, UNIT);
}
