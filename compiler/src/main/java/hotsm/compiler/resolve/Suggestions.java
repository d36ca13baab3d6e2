package hotsm.compiler.resolve;

import java.util.Collection;
import java.util.Optional;

/** "Did you mean ...?": the closest known name by edit distance, if it is close enough. */
public final class Suggestions {
    private Suggestions() {}

    public static Optional<String> closest(String name, Collection<String> known) {
        String best = null;
        int bestDistance = Math.max(1, Math.min(2, name.length() / 3));
        for (String k : known) {
            if (k.equals(name)) continue;
            int d = distance(name, k);
            if (d <= bestDistance && (best == null || d < distance(name, best))) {
                best = k;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev; prev = cur; cur = t;
        }
        return prev[b.length()];
    }
}
