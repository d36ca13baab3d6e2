package hotsm.bench;

/** samples/counter/Counter1.sm written by hand in Java: the baseline of the Counter1 benchmarks. */
final class JavaCounter {
    enum Input { INCR, COUNT }

    sealed interface Output permits Ok, Total {}

    record Ok() implements Output {}

    record Total(long n) implements Output {}

    private static final Ok OK = new Ok();

    private long n;

    Output step(Input i) {
        switch (i) {
            case INCR:
                n = n + 1;
                return OK;
            default:
                return new Total(n);
        }
    }

    long state() { return n; }
}
