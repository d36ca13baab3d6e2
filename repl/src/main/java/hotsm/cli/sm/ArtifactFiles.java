package hotsm.cli.sm;

import hotsm.vm.bytecode.Artifact;
import hotsm.vm.bytecode.ArtifactCodec;
import hotsm.vm.bytecode.ArtifactFormatException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The machine a command line names: a {@code .cam} artifact file, or a
 * {@code .sm} file compiled first (its machines, in source order; diagnostics
 * are printed and the command exits with 1).
 */
final class ArtifactFiles {
    private ArtifactFiles() {}

    static boolean isSource(Path file) {
        return !hotsm.vm.bytecode.ArtifactCodec.isArtifactFile(file);
    }

    /** The raw bytes of a {@code .cam} file. */
    static byte[] read(Path file) {
        try {
            return hotsm.vm.bytecode.ArtifactCodec.readFile(file);
        } catch (hotsm.vm.bytecode.ArtifactFormatException e) {
            throw CliError.user(file + ": not a valid artifact: " + e.getMessage());
        } catch (NoSuchFileException e) {
            throw CliError.user("no such file: " + file);
        } catch (IOException e) {
            throw CliError.user("cannot read " + file + ": " + e.getMessage());
        }
    }

    /** The artifact itself, refused when {@code --machine} names another machine (null: any). */
    static Artifact requireMachine(Path file, Artifact a, String machine) {
        if (machine != null && !a.name().equals(machine) && !a.name().endsWith("." + machine)) {
            throw CliError.user(file + " holds machine " + a.name() + ", not " + machine);
        }
        return a;
    }

    static Artifact decode(Path file) {
        try {
            return ArtifactCodec.decode(read(file));
        } catch (ArtifactFormatException e) {
            throw CliError.user(file + " is not a valid artifact: " + e.getMessage());
        }
    }

    /**
     * Compile a {@code .sm} file and pick one of its machines.
     *
     * @param machine   {@code counter} or {@code Counter2.counter}; null: the only machine, else the first
     *                  that {@code preferred} accepts
     * @param preferred how to choose among several machines when none is named
     */
    static Artifact compile(Path file, String machine, List<Path> includes, java.io.PrintWriter err,
                            Predicate<Artifact> preferred) {
        Map<String, Artifact> machines = SourceCompiler.compile(file, includes, err);
        if (machines.isEmpty()) throw CliError.user(file + " defines no machine");
        List<String> names = new ArrayList<>(machines.keySet());
        if (machine != null) {
            for (String q : names) {
                if (q.equals(machine) || q.endsWith("." + machine)) return machines.get(q);
            }
            throw CliError.user("no machine " + machine + " in " + file + hotsm.cli.MachineNames.didYouMean(machine, names)
                    + " (it defines " + String.join(", ", names)
                    + ")");
        }
        if (names.size() == 1) return machines.get(names.get(0));
        for (String q : names) if (preferred.test(machines.get(q))) return machines.get(q);
        throw CliError.user(file + " defines several machines (" + String.join(", ", names)
                + "); pick one with --machine NAME");
    }
}
