package hotsm.repl;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the files named in {@code :load} and {@code :upgrade}: as written
 * (relative to the base directory), then with {@code .sm} added, then beside
 * the files used before, so that after {@code :load samples/counter/Counter1.sm}
 * a plain {@code :upgrade Counter2} finds {@code samples/counter/Counter2.sm}.
 */
final class FileResolver {
    private final Path baseDir;
    private final Set<Path> recentDirs = new LinkedHashSet<>();

    FileResolver(Path baseDir) { this.baseDir = baseDir.toAbsolutePath().normalize(); }

    Path baseDir() { return baseDir; }

    /** A {@code .sm} file. */
    Path resolveSource(String name) throws ReplError {
        return resolve(name, List.of(".sm"));
    }

    /** A {@code .sm} or {@code .cam} file. */
    Path resolveArtifactSource(String name) throws ReplError {
        return resolve(name, List.of(".sm", ".cam"));
    }

    /** A release signature file, named in full. */
    Path resolveSignature(String name) throws ReplError {
        return resolve(name, List.of(".sig"));
    }

    private Path resolve(String name, List<String> extensions) throws ReplError {
        String expanded = expandHome(name);
        List<Path> dirs = new ArrayList<>();
        dirs.add(baseDir);
        dirs.addAll(recentDirs);
        for (Path dir : dirs) {
            Path given = dir.resolve(expanded).normalize();
            List<Path> candidates = new ArrayList<>();
            candidates.add(given);
            if (extensions.stream().noneMatch(expanded::endsWith)) {
                for (String ext : extensions) candidates.add(given.resolveSibling(given.getFileName() + ext));
            }
            for (Path c : candidates) {
                if (Files.isRegularFile(c)) {
                    recentDirs.add(c.getParent());
                    return shortest(c);
                }
            }
            if (Path.of(expanded).isAbsolute()) break;
        }
        throw ReplError.of(hotsm.cli.MachineFiles.noSuchFile(name));
    }

    /**
     * {@code samples/counter/Counter2.sm} rather than its absolute path when it
     * lies below the working directory, so diagnostics name files as typed.
     */
    private static Path shortest(Path absolute) {
        Path cwd = Path.of("").toAbsolutePath().normalize();
        return absolute.startsWith(cwd) ? cwd.relativize(absolute) : absolute;
    }

    static String expandHome(String name) {
        if (name.equals("~") || name.startsWith("~/")) return System.getProperty("user.home") + name.substring(1);
        return name;
    }
}
