package hotsm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Runs {@code smc} in-process with captured streams. */
final class SmcHarness {

    private SmcHarness() {}

    /** What one invocation did. */
    record Run(int status, String out, String err) {
        @Override public String toString() { return "exit " + status + "\n--- out\n" + out + "--- err\n" + err; }
    }

    static Run smc(String... args) { return smcWithStdin("", args); }

    static Run smcWithStdin(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Smc.execute(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out), new PrintWriter(err));
        return new Run(status, out.toString().replace("\r\n", "\n"), err.toString().replace("\r\n", "\n"));
    }

    static Path root() { return Path.of(System.getProperty("hotsm.root", "..")).toAbsolutePath().normalize(); }

    static String sample(String relative) { return root().resolve("samples").resolve(relative).toString(); }

    static String resource(String name) { return root().resolve("repl/src/test/resources/cli").resolve(name).toString(); }

    /**
     * Asserts that a successful {@code run} printed what {@code dir/name.txt} records;
     * {@code -Dgolden.update=true} rewrites the file instead. {@code what} names the output in the message.
     */
    static void assertGolden(Path dir, String name, String what, Run run) throws IOException {
        assertEquals(0, run.status(), run::toString);
        Path golden = dir.resolve(name + ".txt");
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(dir);
            Files.writeString(golden, run.out());
        }
        assertEquals(Files.exists(golden) ? Files.readString(golden) : "(no golden file " + golden + ")", run.out(),
                what + " differs from " + golden + " (rerun with -Dgolden.update=true and read the diff)");
    }
}
