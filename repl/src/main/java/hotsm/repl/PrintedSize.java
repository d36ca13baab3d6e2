package hotsm.repl;

import hotsm.vm.value.Value;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * How big a value is once printed, counted without printing it. Evaluation
 * shares parts ({@code let b = (a, a)} holds {@code a} once), so a value
 * built in a few steps can print as 2^40 parts; the REPL refuses to print
 * (and to keep as {@code it}) one with more than {@link #LIMIT} parts rather
 * than run out of memory. Shared parts are counted once per use, as the
 * printer would write them, but visited once.
 */
final class PrintedSize {
    /**
     * The most parts (constructors, pairs, leaves) the REPL prints: enough for a value of a million
     * elements of a few parts each (LANGUAGE.md §12: such a value is printed), far short of what a
     * value that shares its parts may unfold to.
     */
    static final long LIMIT = 10_000_000;

    private PrintedSize() {}

    /** The number of parts of {@code v} as printed, or {@code LIMIT + 1} if it has more. */
    static long of(Value v) { return count(v, new IdentityHashMap<>()); }

    private static long count(Value v, Map<Value, Long> seen) {
        Long known = seen.get(v);
        if (known != null) return known;
        long n;
        if (v instanceof Value.Pair p) {
            n = 1 + count(p.first(), seen) + count(p.second(), seen);
        } else if (v instanceof Value.Inl l) {
            n = 1 + count(l.value(), seen);
        } else if (v instanceof Value.Inr r) {
            n = 1 + count(r.value(), seen);
        } else if (v instanceof Value.ListOf list) {
            n = 1;
            for (Value x : list) {
                n += count(x, seen);
                if (n > LIMIT) break;
            }
        } else if (v instanceof Value.MapOf map) {
            n = 1;
            for (java.util.Iterator<Value.Pair> it = map.iterator(); it.hasNext(); ) {
                Value.Pair entry = it.next();
                n += count(entry, seen);
                if (n > LIMIT) break;
            }
        } else if (v instanceof Value.Str s) {
            n = 1 + s.value().length() / 64;   // long strings count by their length too
        } else {
            n = 1;
        }
        n = Math.min(n, LIMIT + 1);
        seen.put(v, n);
        return n;
    }
}
