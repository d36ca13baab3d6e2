package hotsm.compiler.resolve;

import java.util.Collection;
import java.util.Optional;

/** "Did you mean ...?": the closest known name by edit distance, if it is close enough. */
public final class Suggestions {
    private Suggestions() {}

    public static Optional<String> closest(String name, Collection<String> known) {
        String best = null;
        int bestDistance = name.length() <= 2 ? 0 : name.length() <= 5 ? 1 : 2;
        if (bestDistance == 0) return Optional.empty();
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

    /** Edit distance counting an insertion, deletion, substitution or swap of neighbours as one (optimal string alignment). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1));
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
