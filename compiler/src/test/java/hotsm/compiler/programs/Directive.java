package hotsm.compiler.programs;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One expectation a test program carries, a line comment
 * {@code -- key: argument} (the grammar of each key is in
 * {@code compiler/src/test/resources/programs/README.md}).
 *
 * @param line     the line of the comment, 1-based
 * @param key      {@code machine}, {@code initial}, {@code input}, {@code expect}, {@code state},
 *                 {@code runtime error}, {@code upgrade}, {@code downgrade}, {@code error} or {@code no other error}
 * @param argument the text after the colon, trimmed (empty for {@code no other error})
 */
public record Directive(int line, String key, String argument) {

    private static final Pattern DIRECTIVE = Pattern.compile(
            "^\\s*--\\s*(machine|initial|input|expect|state|runtime error|upgrade|downgrade|error):\\s?(.*)$");
    private static final Pattern NO_OTHER_ERROR = Pattern.compile("^\\s*--\\s*no other error\\s*$");
    /** The argument of {@code -- error:}: {@code LINE:COL fragment}. */
    private static final Pattern POSITION = Pattern.compile("(\\d+):(\\d+)\\s+(.*?)\\s*");

    /** Every directive of {@code source}, in order. */
    public static List<Directive> parse(String source) {
        List<Directive> out = new ArrayList<>();
        String[] lines = source.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = DIRECTIVE.matcher(lines[i]);
            if (m.matches()) out.add(new Directive(i + 1, m.group(1), m.group(2).trim()));
            else if (NO_OTHER_ERROR.matcher(lines[i]).matches()) out.add(new Directive(i + 1, "no other error", ""));
        }
        return out;
    }

    /** A compile error expected at {@code line:column} whose message contains {@code fragment}. */
    public record ExpectedError(int line, int column, String fragment) {}

    /** The argument of an {@code -- error:} directive; an AssertionError when it is not {@code LINE:COL fragment}. */
    public ExpectedError expectedError() {
        Matcher m = POSITION.matcher(argument);
        if (!key.equals("error") || !m.matches()) {
            throw new AssertionError("line " + line + ": '-- error:' takes LINE:COL and a fragment of the message, got: "
                    + argument + " (a failing step is '-- runtime error: TEXT')");
        }
        return new ExpectedError(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), m.group(3));
    }
}
