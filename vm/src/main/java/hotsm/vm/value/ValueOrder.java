package hotsm.vm.value;

import java.util.Iterator;

/**
 * The total order on function-free values (LANGUAGE.md §12) that EQ, LT and
 * the other comparisons, {@code List.sort} and map keys use: {@code ()} equals
 * itself; Int numerically; String by code points; sums every {@code Inl}
 * before every {@code Inr}, then by content; pairs and lists
 * lexicographically (a proper prefix first); maps as their ascending
 * (key, value) lists. Values of different shapes (only in unverified code)
 * are ordered by kind.
 *
 * <p>Cost: one unit per value node visited plus one per character compared,
 * charged to the meter. The walk loops along the right spine of pairs and
 * sums and along lists; it recurses only into a pair's first component, a
 * list element or a map entry, whose depth the verifier bounds by the shape.
 */
public final class ValueOrder {
    private ValueOrder() {}

    /** Negative, zero or positive as {@code a} is before, equal to or after {@code b}. */
    public static int compare(Value a, Value b, Meter meter) {
        while (true) {
            meter.charge(1);
            if (a == b) return 0;
            if (a instanceof Value.Int x && b instanceof Value.Int y) return Long.compare(x.value(), y.value());
            if (a instanceof Value.Str x && b instanceof Value.Str y) return compareStrings(x.value(), y.value(), meter);
            if (a instanceof Value.Pair x && b instanceof Value.Pair y) {
                int c = compare(x.first(), y.first(), meter);
                if (c != 0) return c;
                a = x.second();
                b = y.second();
            } else if (a instanceof Value.Inl x && b instanceof Value.Inl y) {
                a = x.value();
                b = y.value();
            } else if (a instanceof Value.Inr x && b instanceof Value.Inr y) {
                a = x.value();
                b = y.value();
            } else if (a instanceof Value.ListOf x && b instanceof Value.ListOf y) {
                return compareSequences(x.iterator(), y.iterator(), meter);
            } else if (a instanceof Value.MapOf x && b instanceof Value.MapOf y) {
                return compareSequences(x.iterator(), y.iterator(), meter);
            } else {
                return Integer.compare(rank(a), rank(b));
            }
        }
    }

    /** Whether {@code a} and {@code b} are equal (as {@code compare == 0}, charged the same way). */
    public static boolean equal(Value a, Value b, Meter meter) {
        return compare(a, b, meter) == 0;
    }

    private static int compareSequences(Iterator<? extends Value> a, Iterator<? extends Value> b, Meter meter) {
        while (a.hasNext() && b.hasNext()) {
            int c = compare(a.next(), b.next(), meter);
            if (c != 0) return c;
        }
        return Boolean.compare(a.hasNext(), b.hasNext());
    }

    /**
     * Strings by code points, one unit per character compared. (UTF-16 order
     * differs from code-point order only when a surrogate meets a character
     * at or above U+E000.)
     */
    public static int compareStrings(String a, String b, Meter meter) {
        int n = Math.min(a.length(), b.length());
        int i = 0;
        while (i < n && a.charAt(i) == b.charAt(i)) i++;
        meter.charge(i);
        if (i == n) return Integer.compare(a.length(), b.length());
        // The first differing unit; back up to the start of a pair split by it.
        int ca = a.codePointAt(i > 0 && Character.isHighSurrogate(a.charAt(i - 1)) ? i - 1 : i);
        int cb = b.codePointAt(i > 0 && Character.isHighSurrogate(b.charAt(i - 1)) ? i - 1 : i);
        // (Equal only around an unpaired surrogate: then the units decide.)
        return ca != cb ? Integer.compare(ca, cb) : Character.compare(a.charAt(i), b.charAt(i));
    }

    private static int rank(Value v) {
        if (v instanceof Value.Unit) return 0;
        if (v instanceof Value.Int) return 1;
        if (v instanceof Value.Str) return 2;
        if (v instanceof Value.Pair) return 3;
        if (v instanceof Value.Inl) return 4;
        if (v instanceof Value.Inr) return 5;
        if (v instanceof Value.ListOf) return 6;
        return 7;
    }
}
