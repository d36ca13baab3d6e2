package hotsm.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Wall times of the command-line tools, started as a user starts them (bin/smc, bin/sm). */
final class Cli {
    private Cli() {}

    /** Median seconds of {@code runs} runs of {@code command} (after one unmeasured run), stdin from {@code stdin} if given. */
    static double wall(List<String> command, Path stdin, int runs) throws IOException, InterruptedException {
        run(command, stdin);
        double[] t = new double[runs];
        for (int i = 0; i < runs; i++) t[i] = run(command, stdin);
        return Timing.median(t);
    }

    private static double run(List<String> command, Path stdin) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(Machines.root().toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        if (stdin != null) pb.redirectInput(stdin.toFile());
        long t0 = System.nanoTime();
        Process p = pb.start();
        int status = p.waitFor();
        long t1 = System.nanoTime();
        if (status != 0) throw new IOException(command + " exited with " + status);
        return (t1 - t0) / 1e9;
    }

    static List<String> bin(String tool, String... args) {
        List<String> c = new ArrayList<>();
        c.add(Machines.root().resolve("bin").resolve(tool).toString());
        c.addAll(List.of(args));
        return c;
    }

    /** A file of {@code n} lines of {@code line}. */
    static Path lines(String line, int n) throws IOException {
        Path f = Files.createTempFile("hotsm-inputs", ".txt");
        f.toFile().deleteOnExit();
        Files.writeString(f, (line + "\n").repeat(n));
        return f;
    }
}
