package hotsm.transcripts;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@code .cli} script played through a {@link Shell}: what it printed, as
 * its golden {@code .out} file holds it. The format is in
 * {@code repl/src/test/resources/cli/README.md}.
 */
public final class CliTranscript {
    private CliTranscript() {}

    /** Plays {@code script} (lines of a {@code .cli} file) in a fresh shell. */
    public static String play(List<String> script) {
        StringBuilder out = new StringBuilder();
        try (Shell shell = new Shell(Shell.root())) {
            for (int i = 0; i < script.size(); i++) {
                String line = script.get(i);
                if (line.isBlank() || line.startsWith("#")) {
                    out.append(line).append('\n');
                    continue;
                }
                if (line.startsWith("| ") || line.equals("|")) {
                    throw new IllegalArgumentException("line " + (i + 1) + ": standard input '|' follows a command");
                }
                List<String> stdin = new ArrayList<>();
                while (i + 1 < script.size() && (script.get(i + 1).startsWith("| ") || script.get(i + 1).equals("|"))) {
                    stdin.add(script.get(++i).substring(Math.min(2, script.get(i).length())));
                }
                Shell.Run r = shell.run(line, stdin.isEmpty() ? "" : String.join("\n", stdin) + "\n");
                out.append("$ ").append(line).append('\n');
                for (String s : stdin) out.append(s.isEmpty() ? "|" : "| " + s).append('\n');
                out.append(r.out());
                r.err().lines().forEach(l -> out.append("! ").append(l).append('\n'));
                if (r.status() != 0) out.append("[exit ").append(r.status()).append("]\n");
            }
        }
        return out.toString();
    }
}
