package hotsm.vm.bytecode;

import hotsm.vm.value.Meter;
import java.util.ArrayList;
import java.util.List;

/**
 * Knuth–Morris–Pratt search: linear in the text plus the pattern, whatever
 * they hold, so {@code String.contains} and {@code String.split} cost fuel in
 * proportion to the characters they scan (a naive search is quadratic).
 */
final class Kmp {
    private Kmp() {}

    /** The index of the first occurrence of {@code pattern} in {@code text}, or -1. */
    static int first(String pattern, String text, Meter meter) {
        List<Integer> found = search(pattern, text, meter, true);
        return found.isEmpty() ? -1 : found.get(0);
    }

    /** The indices of the non-overlapping occurrences of a non-empty {@code pattern}, left to right. */
    static List<Integer> occurrences(String pattern, String text, Meter meter) {
        return search(pattern, text, meter, false);
    }

    private static List<Integer> search(String pattern, String text, Meter meter, boolean firstOnly) {
        List<Integer> found = new ArrayList<>();
        int m = pattern.length();
        if (m == 0) {
            found.add(0);
            return found;
        }
        meter.charge(m + text.length());
        int[] fail = new int[m];
        for (int i = 1, k = 0; i < m; i++) {
            while (k > 0 && pattern.charAt(i) != pattern.charAt(k)) k = fail[k - 1];
            if (pattern.charAt(i) == pattern.charAt(k)) k++;
            fail[i] = k;
        }
        for (int i = 0, k = 0; i < text.length(); i++) {
            while (k > 0 && text.charAt(i) != pattern.charAt(k)) k = fail[k - 1];
            if (text.charAt(i) == pattern.charAt(k)) k++;
            if (k == m) {
                found.add(i - m + 1);
                if (firstOnly) return found;
                k = 0; // non-overlapping
            }
        }
        return found;
    }
}
