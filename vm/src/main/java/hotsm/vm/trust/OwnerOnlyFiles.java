package hotsm.vm.trust;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * Files only their owner may read: secret keys and cookies. They are created
 * with mode 0600 (in a directory created 0700) from the start, never written
 * first and restricted after; one that others can read or write is refused
 * when it is read, because its secret may already be known. On a file system
 * without POSIX permissions the checks are skipped.
 */
public final class OwnerOnlyFiles {
    private OwnerOnlyFiles() {}

    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    /**
     * Create {@code file} (which must not exist) owner-only with {@code content};
     * a missing parent directory is created owner-only too.
     *
     * @throws FileAlreadyExistsException if it exists (never overwrite a secret)
     */
    public static void create(Path file, byte[] content) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (dir != null && !Files.isDirectory(dir)) {
            if (posix) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(DIR));
            } else {
                Files.createDirectories(dir);
            }
        }
        if (posix) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
            // The umask may have removed bits we asked for; never adds any, but be exact.
            Files.setPosixFilePermissions(file, FILE);
        } else {
            Files.createFile(file);
        }
        Files.write(file, content);
    }

    /**
     * Check that only the owner may read or write {@code file}.
     *
     * @param what what the file holds, for the message ("the cookie file")
     * @throws TrustException naming the file, its permissions and the fix
     */
    public static void check(Path file, String what) throws IOException {
        // The file a link points to is what holds the secret: check that one.
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (view == null) return;
        Set<PosixFilePermission> perms = view.readAttributes().permissions();
        Set<PosixFilePermission> loose = EnumSet.noneOf(PosixFilePermission.class);
        loose.addAll(perms);
        loose.retainAll(OTHERS);
        if (!loose.isEmpty()) {
            throw new TrustException(what + " " + file + " may be read or written by others (permissions "
                    + PosixFilePermissions.toString(perms) + "); it must be owner-only: chmod 600 " + file);
        }
    }
}
