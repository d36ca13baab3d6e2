package hotsm.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The suite's figures in the order measured: one markdown table, one JSON object. */
final class Results {

    /** A target a figure must meet: at most or at least {@code bound}. */
    record Target(boolean atMost, double bound) {
        boolean holds(double v) { return atMost ? v <= bound : v >= bound; }

        @Override public String toString() { return (atMost ? "≤ " : "≥ ") + format(bound); }
    }

    /** A figure, or why there is none ({@code value} NaN). */
    record Figure(double value, String unit, Target target, String note) {}

    private final Map<String, Figure> figures = new LinkedHashMap<>();
    private final Map<String, String> about = new LinkedHashMap<>();

    void about(String key, String value) { about.put(key, value); }

    void put(String key, double value, String unit) { figures.put(key, new Figure(value, unit, null, null)); }

    void put(String key, double value, String unit, Target target) {
        figures.put(key, new Figure(value, unit, target, null));
    }

    void missing(String key, String unit, Target target, String why) {
        figures.put(key, new Figure(Double.NaN, unit, target, why));
    }

    double get(String key) {
        Figure f = figures.get(key);
        return f == null ? Double.NaN : f.value();
    }

    static Target atMost(double b) { return new Target(true, b); }

    static Target atLeast(double b) { return new Target(false, b); }

    static String format(double v) {
        if (Double.isNaN(v)) return "n/a";
        double a = Math.abs(v);
        if (a >= 100_000) return String.format(Locale.ROOT, "%,.0f", v);
        if (a >= 100) return String.format(Locale.ROOT, "%.0f", v);
        if (a >= 10) return String.format(Locale.ROOT, "%.1f", v);
        if (a >= 1) return String.format(Locale.ROOT, "%.2f", v);
        return String.format(Locale.ROOT, "%.3f", v);
    }

    String table() {
        StringBuilder b = new StringBuilder("| figure | value | unit | target | holds |\n| --- | ---: | --- | --- | --- |\n");
        for (Map.Entry<String, Figure> e : figures.entrySet()) {
            Figure f = e.getValue();
            String value = Double.isNaN(f.value()) && f.note() != null ? "n/a (" + f.note() + ")" : format(f.value());
            String holds = f.target() == null ? "" : Double.isNaN(f.value()) ? "n/a" : f.target().holds(f.value()) ? "yes" : "**no**";
            b.append("| `").append(e.getKey()).append("` | ").append(value).append(" | ").append(f.unit()).append(" | ")
                    .append(f.target() == null ? "" : f.target().toString()).append(" | ").append(holds).append(" |\n");
        }
        return b.toString();
    }

    void writeJson(Path file) throws IOException {
        StringBuilder b = new StringBuilder("{\n");
        for (Map.Entry<String, String> e : about.entrySet()) {
            b.append("  ").append(quote(e.getKey())).append(": ").append(quote(e.getValue())).append(",\n");
        }
        int i = 0;
        for (Map.Entry<String, Figure> e : figures.entrySet()) {
            Figure f = e.getValue();
            b.append("  ").append(quote(e.getKey())).append(": ");
            b.append(Double.isNaN(f.value()) ? quote("n/a" + (f.note() == null ? "" : ": " + f.note()))
                    : String.format(Locale.ROOT, "%.6g", f.value()));
            b.append(++i < figures.size() ? ",\n" : "\n");
        }
        b.append("}\n");
        Files.writeString(file, b.toString());
    }

    private static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
