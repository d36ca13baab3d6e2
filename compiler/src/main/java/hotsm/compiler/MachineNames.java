package hotsm.compiler;

import hotsm.compiler.resolve.Suggestions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one rule for finding a machine by the name a person typed
 * ({@code --machine}, {@code -m}, {@code :machine}, {@code :upgrade FILE NAME},
 * {@code :ir NAME}) among the qualified names a file or an artifact offers
 * ({@code Counter1.counter}):
 * <ol>
 *   <li><b>exact</b>: a qualified name equal to the one typed is that machine;</li>
 *   <li><b>unique suffix</b>: otherwise, the one machine whose name ends in
 *       {@code .} + the name typed ({@code counter} for {@code Counter1.counter});</li>
 *   <li><b>ambiguous</b>: several such machines ({@code counter} with
 *       {@code A.counter} and {@code B.counter}) is an error listing them:
 *       never the first one silently;</li>
 *   <li><b>missing</b>: none is an error with a "did you mean" (the closest
 *       name, compared bare when the name typed is bare) and the names there are.</li>
 * </ol>
 * Every command line and REPL command goes through {@link #resolve}; the
 * errors are worded here, once, naming the file.
 */
public final class MachineNames {
    private MachineNames() {}

    /** A name that picks no machine, or more than one; its message is the whole one-line error. */
    public static final class NotFound extends IllegalArgumentException {
        NotFound(String message) { super(message); }
    }

    /**
     * The qualified name {@code typed} picks among {@code qualifiedNames}.
     *
     * @param where what offers them, as the error should name it: the file as given
     * @throws NotFound when no name, or several, match
     */
    public static String resolve(String typed, List<String> qualifiedNames, String where) {
        if (qualifiedNames.contains(typed)) return typed;
        List<String> matches = new ArrayList<>();
        for (String q : qualifiedNames) if (q.endsWith("." + typed)) matches.add(q);
        if (matches.size() == 1) return matches.get(0);
        if (matches.size() > 1) throw new NotFound(ambiguous(typed, matches, where));
        throw new NotFound(missing(typed, qualifiedNames, where));
    }

    /** As {@link #resolve}, empty instead of an error. */
    public static Optional<String> find(String typed, List<String> qualifiedNames) {
        try {
            return Optional.of(resolve(typed, qualifiedNames, ""));
        } catch (NotFound e) {
            return Optional.empty();
        }
    }

    /** {@code 'counter' is ambiguous in F: it names A.counter and B.counter; give the one meant in full}. */
    static String ambiguous(String typed, List<String> matches, String where) {
        return "'" + typed + "' is ambiguous in " + where + ": it names " + String.join(", ", matches)
                + "; give the one meant in full";
    }

    /** {@code F has no machine 'countr'; did you mean 'Counter1.counter'? (it defines Counter1.counter)}. */
    static String missing(String typed, List<String> qualifiedNames, String where) {
        if (qualifiedNames.isEmpty()) return noMachine(where);
        return where + " has no machine '" + typed + "'" + didYouMean(typed, qualifiedNames)
                + " (it defines " + String.join(", ", qualifiedNames) + ")";
    }

    /** {@code F defines no machine}: nothing to pick from. */
    public static String noMachine(String where) {
        return where + " defines no machine";
    }

    /** {@code F defines several machines (A.a, A.b); pick one with --machine NAME}, the hint naming how. */
    public static String several(List<String> qualifiedNames, String where, String howToPick) {
        return where + " defines several machines (" + String.join(", ", qualifiedNames) + "); " + howToPick;
    }

    /** {@code "; did you mean 'Counter1.counter'?"}, or the empty string. */
    public static String didYouMean(String typed, List<String> qualifiedNames) {
        boolean qualified = typed.contains(".");
        List<String> candidates = new ArrayList<>();
        for (String q : qualifiedNames) candidates.add(qualified ? q : bare(q));
        return Suggestions.closest(typed, candidates).map(c -> {
            for (String q : qualifiedNames) if (q.equals(c) || bare(q).equals(c)) return "; did you mean '" + q + "'?";
            return "";
        }).orElse("");
    }

    private static String bare(String qualified) { return qualified.substring(qualified.lastIndexOf('.') + 1); }
}
