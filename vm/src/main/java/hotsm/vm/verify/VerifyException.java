package hotsm.vm.verify;

/**
 * An artifact that is well-formed but not safe to run. The message names the
 * section ({@code step}, {@code upgrade #1 migration}, ...), the instruction
 * path ({@code step[3].case.left[1]}; empty for section-level rules) and the
 * rule that failed.
 */
public final class VerifyException extends RuntimeException {
    private final String section;
    private final String path;
    private final String rule;

    public VerifyException(String section, String path, String rule) {
        super(section + (path.isEmpty() ? "" : ", at " + path) + ": " + rule);
        this.section = section;
        this.path = path;
        this.rule = rule;
    }

    public String section() { return section; }

    /** Where in the code: {@code step[3].case.left[1]}, {@code step[end]}; empty if not in code. */
    public String path() { return path; }

    public String rule() { return rule; }
}
