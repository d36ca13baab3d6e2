package hotsm.vm.journal;

import hotsm.vm.bytecode.Artifact;
import hotsm.vm.bytecode.ArtifactCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Every artifact a node has run, as {@code DIR/artifacts/HASH.cam} (HASH the
 * SHA-256 of the file's bytes), written once, durably, before any snapshot
 * names it; so recovery never needs the client's files. Used by the journal
 * writer thread and, before it starts, by recovery.
 */
final class ArtifactStore {
    private final Path dir;
    /** Encoding is the costly part; an artifact is immutable, so remember each one's hash. */
    private final Map<Artifact, ArtifactHash> stored = new IdentityHashMap<>();

    ArtifactStore(Path dir) {
        this.dir = dir;
    }

    Path file(ArtifactHash h) {
        return dir.resolve(h.hex() + ".cam");
    }

    /** Store {@code a} if it is not there yet; its hash. */
    synchronized ArtifactHash put(Artifact a) {
        ArtifactHash known = stored.get(a);
        if (known != null) return known;
        byte[] bytes = ArtifactCodec.encode(a);
        ArtifactHash h = ArtifactHash.of(bytes);
        Path f = file(h);
        try {
            if (!Files.exists(f)) {
                Files.createDirectories(dir);
                DataDir.writeAtomically(f, bytes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the artifact " + f + ": " + e.getMessage(), e);
        }
        stored.put(a, h);
        return h;
    }

    /** Read an artifact back, checking that its bytes still have their hash. */
    synchronized Artifact get(ArtifactHash h) {
        Path f = file(h);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(f);
        } catch (IOException e) {
            throw new JournalException("cannot read the artifact " + f + ": " + e);
        }
        if (!ArtifactHash.of(bytes).equals(h)) {
            throw new JournalException("the artifact " + f + " is damaged (its SHA-256 is not its name)");
        }
        Artifact a;
        try {
            a = ArtifactCodec.decode(bytes);
        } catch (RuntimeException e) {
            throw new JournalException("the artifact " + f + " does not decode: " + e.getMessage());
        }
        stored.put(a, h);
        return a;
    }
}
