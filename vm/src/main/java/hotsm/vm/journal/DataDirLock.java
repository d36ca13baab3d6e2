package hotsm.vm.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;

/**
 * {@code DIR/LOCK}, held with {@link FileChannel#tryLock} while a node runs
 * on DIR, so a second node on the same directory is refused instead of
 * interleaving its records with the first one's. The operating system
 * releases the lock when the process dies, however it dies; the file holds
 * the owner's process id for the message.
 */
final class DataDirLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private DataDirLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static DataDirLock acquire(DataDir dir) throws IOException {
        Files.createDirectories(dir.path());
        FileChannel ch = FileChannel.open(dir.lockFile(), StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;   // this very process holds it
        }
        if (lock == null) {
            String owner = new String(Files.readAllBytes(dir.lockFile()), StandardCharsets.UTF_8).trim();
            ch.close();
            throw new JournalException("another node is running on " + dir.path() + " (it holds " + dir.lockFile()
                    + (owner.isEmpty() ? "" : ", process " + owner) + "); stop it first, or use another --data-dir");
        }
        ch.truncate(0);
        ch.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)), 0);
        return new DataDirLock(ch, lock);
    }

    @Override public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException ignored) {
            // the process is ending the lock anyway
        }
    }
}
