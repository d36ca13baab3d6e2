package hotsm.bench;

/**
 * bench/src/main/resources/hotsm/bench/Heavy.sm written by hand in Java, as
 * a Java programmer would: immutable records, a switch over the input's
 * constructors. The suite checks it agrees with the compiled machine.
 */
final class JavaHeavy {
    sealed interface Input permits Add, Scale, Mix, Shift, Reset, Probe {}

    record Add(long k) implements Input {}

    record Scale(long m, long n) implements Input {}

    record Mix(long p, long q) implements Input {}

    record Shift(long d) implements Input {}

    record Reset() implements Input {}

    record Probe(long x) implements Input {}

    /** Printed as the language prints it, so outputs compare as text. */
    sealed interface Output permits Value, Pair, Flag {}

    record Value(long n) implements Output {
        @Override public String toString() { return "Value " + num(n); }
    }

    record Pair(long a, long b) implements Output {
        @Override public String toString() { return "Pair " + num(a) + " " + num(b); }
    }

    record Flag(boolean b) implements Output {
        @Override public String toString() { return "Flag " + (b ? "True" : "False"); }
    }

    record Acc(long a, long b, long c) {}

    private Acc acc = new Acc(1, 2, 3);

    static String num(long n) { return n < 0 ? "(" + n + ")" : Long.toString(n); }

    static long clamp(long lo, long hi, long x) { return x < lo ? lo : x > hi ? hi : x; }

    static Acc mixIn(long k, Acc acc) {
        return new Acc(clamp(-1000000, 1000000, acc.a + k * 3 - acc.b % 7),
                clamp(-1000000, 1000000, acc.b + (k + acc.c) % 11),
                clamp(-1000000, 1000000, acc.c * 2 - acc.a % 5 + k));
    }

    static long score(Acc x) {
        if (x.a > x.b) return x.a - x.b + x.c % 13;
        if (x.b > x.c) return x.b - x.c + x.a % 17;
        return x.c - x.a + x.b % 19;
    }

    Output step(Input i) {
        if (i instanceof Add add) {
            Acc next = mixIn(add.k, acc);
            acc = next;
            return new Value(score(next));
        } else if (i instanceof Scale s) {
            Acc next = mixIn(s.m * s.n % 101, new Acc(acc.a * s.m % 1009, acc.b * s.n % 1013, acc.c + s.m - s.n));
            acc = next;
            return new Pair(score(next), s.m + s.n);
        } else if (i instanceof Mix m) {
            Acc once = mixIn(m.p, acc);
            Acc twice = mixIn(m.q, once);
            acc = twice;
            return new Value(score(once) + score(twice));
        } else if (i instanceof Shift s) {
            Acc x = acc;
            acc = s.d > 0 ? new Acc(x.b, x.c, x.a) : s.d < 0 ? new Acc(x.c, x.a, x.b) : x;
            return new Flag(score(acc) > 0);
        } else if (i instanceof Reset) {
            acc = new Acc(1, 2, 3);
            return new Value(0);
        } else {
            long x = ((Probe) i).x;
            long s = score(mixIn(x, acc));
            return new Flag(s % 2 == 0 && s > x);
        }
    }

    /** One input from its source text ({@code Scale 3 4}, {@code Mix (1, 2)}), as {@link Inputs} writes them. */
    static Input parse(String text) {
        String[] w = text.replace("(", " ").replace(")", " ").replace(",", " ").trim().split("\\s+");
        return switch (w[0]) {
            case "Add" -> new Add(Long.parseLong(w[1]));
            case "Scale" -> new Scale(Long.parseLong(w[1]), Long.parseLong(w[2]));
            case "Mix" -> new Mix(Long.parseLong(w[1]), Long.parseLong(w[2]));
            case "Shift" -> new Shift(Long.parseLong(w[1]));
            case "Reset" -> new Reset();
            case "Probe" -> new Probe(Long.parseLong(w[1]));
            default -> throw new IllegalArgumentException(text);
        };
    }
}
