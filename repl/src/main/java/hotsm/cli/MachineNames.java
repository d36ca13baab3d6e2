package hotsm.cli;

import hotsm.compiler.resolve.Suggestions;
import java.util.ArrayList;
import java.util.List;

/**
 * "Did you mean" for a machine named on the command line or at the prompt
 * ({@code --machine countr}, {@code :machine countr}, {@code :ir Countr1.counter}):
 * the closest of the qualified names offered, compared bare when the name
 * typed is bare.
 */
public final class MachineNames {
    private MachineNames() {}

    /** {@code "; did you mean 'Counter1.counter'?"}, or the empty string. */
    public static String didYouMean(String typed, List<String> qualifiedNames) {
        boolean qualified = typed.contains(".");
        List<String> candidates = new ArrayList<>();
        for (String q : qualifiedNames) candidates.add(qualified ? q : q.substring(q.lastIndexOf('.') + 1));
        return Suggestions.closest(typed, candidates).map(c -> {
            for (String q : qualifiedNames) if (q.equals(c) || q.endsWith("." + c)) return "; did you mean '" + q + "'?";
            return "";
        }).orElse("");
    }
}
