package hotsm.transcripts;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A listing of a Markdown document that quotes a command's output: the line
 * {@code <!-- listing: COMMAND -->} followed (after blank lines at most) by a
 * fenced block. COMMAND is {@code smc ARGS} or {@code sm ARGS} (the block is
 * what it prints), {@code shell} (the block is a transcript of
 * {@code $ bin/smc ...} / {@code $ bin/sm ...} lines and what they print) or
 * {@code repl [SETUP; SETUP...]} (the block is a REPL session as
 * {@code sm repl --echo} prints it, after SETUP lines whose output is not
 * shown). The kinds are described in {@code DocListingsTest}.
 *
 * @param line    the line of the marker, 1-based
 * @param command the text between {@code listing:} and {@code -->}, trimmed
 * @param from    the offset of the block's first line (after the opening fence)
 * @param to      the offset of the closing fence
 * @param body    the block's text, each line ending in a newline
 */
public record DocListing(int line, String command, int from, int to, String body) {

    private static final Pattern MARKER = Pattern.compile("(?m)^<!-- listing: (.*?) -->[ \\t]*\\n(?:[ \\t]*\\n)*```[^\\n]*\\n");
    private static final Pattern CLOSING = Pattern.compile("(?m)^```[ \\t]*$");

    /** Every listing of {@code text}, in order; an IllegalArgumentException for a marker not followed by a closed block. */
    public static List<DocListing> parse(String text) {
        List<DocListing> out = new ArrayList<>();
        Matcher m = MARKER.matcher(text);
        while (m.find()) {
            int line = 1 + (int) text.substring(0, m.start()).chars().filter(c -> c == '\n').count();
            Matcher close = CLOSING.matcher(text);
            if (!close.find(m.end())) throw new IllegalArgumentException("line " + line + ": the listing's block is not closed");
            out.add(new DocListing(line, m.group(1).trim(), m.end(), close.start(), text.substring(m.end(), close.start())));
        }
        int markers = (int) Pattern.compile("(?m)^<!-- listing:").matcher(text).results().count();
        if (markers != out.size()) {
            throw new IllegalArgumentException(markers + " lines start with '<!-- listing:' but " + out.size()
                    + " are a whole line '<!-- listing: COMMAND -->' followed by a fenced block");
        }
        return out;
    }

    /** {@code text} with each listing's body replaced by {@code bodies}' (same order). */
    public static String replace(String text, List<DocListing> listings, List<String> bodies) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (int i = 0; i < listings.size(); i++) {
            out.append(text, at, listings.get(i).from()).append(bodies.get(i));
            at = listings.get(i).to();
        }
        return out.append(text.substring(at)).toString();
    }
}
