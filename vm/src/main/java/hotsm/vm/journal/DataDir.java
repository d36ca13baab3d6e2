package hotsm.vm.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The files of a data directory, named in one place (docs/durability.md):
 *
 * <pre>
 * DIR/LOCK                              held (FileChannel.tryLock) while a node runs
 * DIR/journal-NNNNNNNNNNNNNNNNNNNN.log  a segment; N is the index of its first record
 * DIR/snapshot-NNNNNNNNNNNNNNNNNNNN.snap a snapshot covering records 0..N-1
 * DIR/artifacts/HASH.cam                every artifact the node has run, by SHA-256 of its bytes
 * </pre>
 *
 * and the file operations that make them durable: write to a temporary file,
 * force it, rename it, force the directory.
 */
public final class DataDir {
    private static final Pattern SEGMENT = Pattern.compile("journal-(\\d{20})\\.log");
    private static final Pattern SNAPSHOT = Pattern.compile("snapshot-(\\d{20})\\.snap");
    static final String TMP = ".tmp";

    private final Path dir;

    public DataDir(Path dir) {
        this.dir = dir;
    }

    public Path path() { return dir; }

    Path lockFile() { return dir.resolve("LOCK"); }

    Path artifacts() { return dir.resolve("artifacts"); }

    Path segment(long first) { return dir.resolve(String.format("journal-%020d.log", first)); }

    Path snapshot(long position) { return dir.resolve(String.format("snapshot-%020d.snap", position)); }

    /** A file of this directory and the number in its name. */
    record Numbered(long number, Path file) {}

    /** Segments, oldest first. */
    List<Numbered> segments() throws IOException { return list(SEGMENT); }

    /** Snapshots, oldest first. */
    List<Numbered> snapshots() throws IOException { return list(SNAPSHOT); }

    private List<Numbered> list(Pattern p) throws IOException {
        List<Numbered> found = new ArrayList<>();
        if (!Files.isDirectory(dir)) return found;
        try (Stream<Path> files = Files.list(dir)) {
            files.forEach(f -> {
                Matcher m = p.matcher(f.getFileName().toString());
                if (m.matches()) found.add(new Numbered(Long.parseLong(m.group(1)), f));
            });
        }
        found.sort((a, b) -> Long.compare(a.number(), b.number()));
        return found;
    }

    /** Remove temporary files a crash left behind (they were never renamed, so nothing refers to them). */
    void removeTemporaries() throws IOException {
        for (Path d : List.of(dir, artifacts())) {
            if (!Files.isDirectory(d)) continue;
            try (Stream<Path> files = Files.list(d)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    if (f.getFileName().toString().endsWith(TMP)) Files.deleteIfExists(f);
                }
            }
        }
    }

    /** Write {@code bytes} to {@code target} atomically and durably: temporary file, force, rename, force the directory. */
    static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + TMP);
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer b = ByteBuffer.wrap(bytes);
            while (b.hasRemaining()) ch.write(b);
            ch.force(true);
        }
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        forceDirectory(target.getParent());
    }

    /** Make a directory's entries (new, renamed, deleted files) durable. */
    static void forceDirectory(Path d) throws IOException {
        try (FileChannel ch = FileChannel.open(d, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // Some systems (Windows) cannot open a directory; there renames are durable on their own.
            if (!System.getProperty("os.name", "").startsWith("Windows")) throw e;
        }
    }
}
