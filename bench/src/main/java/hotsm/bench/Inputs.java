package hotsm.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** The fixed input sequences the VM benchmarks cycle through, as source text. */
final class Inputs {
    private Inputs() {}

    /** Counter1: two increments, then a count. */
    static final List<String> COUNTER = List.of("Incr", "Incr", "Count");

    /** Heavy: 64 inputs over all six constructors, the same every run (fixed seed); Reset is rare. */
    static List<String> heavy() {
        Random r = new Random(11);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            if (i % 16 == 15) {
                out.add("Reset");
                continue;
            }
            out.add(switch (r.nextInt(5)) {
                case 0 -> "Add " + r.nextInt(100);
                case 1 -> "Scale " + (1 + r.nextInt(20)) + " " + (1 + r.nextInt(20));
                case 2 -> "Mix (" + r.nextInt(50) + ", " + r.nextInt(50) + ")";
                case 3 -> "Shift " + (r.nextBoolean() ? "1" : r.nextBoolean() ? "0" : "(-1)");
                default -> "Probe " + r.nextInt(200);
            });
        }
        return out;
    }
}
