package hotsm.cli.sm;

import hotsm.cli.Sm;
import java.io.PrintWriter;
import java.io.StringWriter;

/** One in-process run of {@code sm}: exit status, standard output, standard error. */
record SmRun(int status, String out, String err) {

    static SmRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        // An empty standard input: the test JVM's own stdin is the test runner's channel.
        int status = Sm.execute(args, java.io.InputStream.nullInputStream(), new PrintWriter(out, true),
                new PrintWriter(err, true));
        return new SmRun(status, out.toString(), err.toString());
    }

    /** A run whose standard input is {@code stdin}. */
    static SmRun withInput(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Sm.execute(args, new java.io.ByteArrayInputStream(stdin.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                new PrintWriter(out, true), new PrintWriter(err, true));
        return new SmRun(status, out.toString(), err.toString());
    }

    /** Standard output's lines. */
    java.util.List<String> lines() {
        return out.lines().toList();
    }
}
