package hotsm.vm.value;

/**
 * A run-time value in the erased representation (LANGUAGE.md §4): what the
 * CAM computes with and what travels on the wire. Names come back only when a
 * value is printed against a {@link hotsm.vm.types.TypeDesc}.
 */
public sealed interface Value {

    /** {@code ()}. */
    record Unit() implements Value {
        @Override public String toString() { return "()"; }
    }

    record Int(long value) implements Value {
        @Override public String toString() { return Long.toString(value); }
    }

    record Str(String value) implements Value {
        public Str { java.util.Objects.requireNonNull(value); }
        @Override public String toString() { return '"' + value + '"'; }
    }

    record Pair(Value first, Value second) implements Value {
        @Override public String toString() { return "(" + first + ", " + second + ")"; }
    }

    /** The left injection into a sum. */
    record Inl(Value value) implements Value {
        @Override public String toString() { return "inl " + value; }
    }

    /** The right injection into a sum. */
    record Inr(Value value) implements Value {
        @Override public String toString() { return "inr " + value; }
    }

    Value UNIT = new Unit();
    Value FALSE = new Inl(UNIT);
    Value TRUE = new Inr(UNIT);

    static Value bool(boolean b) { return b ? TRUE : FALSE; }

    static Value of(long n) { return new Int(n); }

    static Value of(String s) { return new Str(s); }

    static Value pair(Value a, Value b) { return new Pair(a, b); }
}
