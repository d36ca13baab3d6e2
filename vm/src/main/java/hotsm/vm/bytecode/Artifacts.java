package hotsm.vm.bytecode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Artifact files: {@code <Module>.<machine>.cam}, read and written whole. */
public final class Artifacts {
    private Artifacts() {}

    /** The file extension, with its dot. */
    public static final String EXTENSION = ".cam";

    /** {@code Counter1.counter.cam} for the machine {@code Counter1.counter}. */
    public static String fileName(Artifact a) {
        return a.name() + EXTENSION;
    }

    /** Writes the artifact to {@code dir/<Module>.<machine>.cam} and returns that path. */
    public static Path writeTo(Path dir, Artifact a) throws IOException {
        Path file = dir.resolve(fileName(a));
        write(file, a);
        return file;
    }

    public static void write(Path file, Artifact a) throws IOException {
        Files.write(file, ArtifactCodec.encode(a));
    }

    /**
     * Reads and decodes an artifact file (not verified). Files over the size
     * limit are refused without reading them.
     *
     * @throws ArtifactFormatException if the file is not a well-formed artifact
     */
    public static Artifact read(Path file) throws IOException {
        long size = Files.size(file);
        if (size > ArtifactCodec.MAX_FILE_BYTES) {
            throw new ArtifactFormatException(0, "header", "file of " + size
                    + " bytes is larger than the limit of " + ArtifactCodec.MAX_FILE_BYTES);
        }
        return ArtifactCodec.decode(ArtifactCodec.readFile(file));
    }
}
