package hotsm.cli;

import hotsm.cli.sm.SendCommand;
import hotsm.cli.smc.CheckCommand;
import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The two commands whose start matters most, run without picocli when their
 * command line is only plain words: {@code smc check FILE...} and
 * {@code sm send HOST:PORT [VALUE...|-]}, with no option and no
 * {@code @file}. Picocli builds a command's model by reflection (an
 * annotation proxy class per annotation type, a converter per type, the
 * help options) before it reads a single argument: about 45 ms of CPU, a
 * third of such a command's start (docs/performance.md). For plain words it
 * has nothing to decide: each word is the positional parameter the command's
 * annotations declare, converted as picocli converts it ({@link Path#of}),
 * and the command runs as {@code CommandLine.execute} would run it, its
 * failures reported by the same {@link ExitStatus#report}. Any other command
 * line (an option, {@code --help}, a missing argument, a word that is not a
 * valid path) goes to picocli as before, so usage, help and errors are
 * picocli's. {@code PlainCommandLineTest} holds both paths to the same output.
 */
final class PlainCommandLine {
    private PlainCommandLine() {}

    /** {@code smc check FILE...} made as picocli would make it; null for any other command line. */
    static Callable<Integer> smc(Smc smc, String[] args) {
        if (args.length < 2 || !args[0].equals("check") || !plain(args, 1, false)) return null;
        List<Path> files = paths(Arrays.asList(args).subList(1, args.length));
        return files == null ? null : CheckCommand.of(smc, files);
    }

    /** {@code sm send HOST:PORT [VALUE...|-]} made as picocli would make it; null for any other command line. */
    static Callable<Integer> sm(Sm sm, String[] args) {
        if (args.length < 2 || !args[0].equals("send") || !plain(args, 1, true)) return null;
        if (args[1].equals("-")) return null;
        return SendCommand.of(sm, args[1], new ArrayList<>(Arrays.asList(args).subList(2, args.length)));
    }

    /**
     * Runs a plain command as {@code CommandLine.execute} runs a command: its exit
     * status, or a failure reported by {@link ExitStatus#report} under the tool's
     * name and prefix; both streams flushed either way.
     */
    static int run(Callable<Integer> command, String tool, String prefix, PrintWriter out, PrintWriter err) {
        try {
            return command.call();
        } catch (Throwable e) {
            return ExitStatus.report(tool, prefix, e, false, err);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /**
     * Whether {@code args} from {@code from} on are words picocli takes as they
     * are: not empty, not an option, not an {@code @file}; with {@code dash},
     * a lone {@code -} too (standard input, which picocli passes as a value).
     */
    private static boolean plain(String[] args, int from, boolean dash) {
        for (int i = from; i < args.length; i++) {
            String a = args[i];
            if (dash && a.equals("-")) continue;
            if (a.isEmpty() || a.startsWith("-") || a.startsWith("@")) return false;
        }
        return true;
    }

    /** The words as paths, or null if one is not a valid path (picocli then says so). */
    private static List<Path> paths(List<String> words) {
        List<Path> out = new ArrayList<>();
        try {
            for (String w : words) out.add(Path.of(w));
        } catch (InvalidPathException e) {
            return null;
        }
        return out;
    }
}
