package hotsm.cli.sm;

import hotsm.cli.CliError;
import hotsm.cli.MachineFiles;
import hotsm.vm.bytecode.ArtifactCodec;
import hotsm.vm.trust.ReleaseSignature;
import hotsm.vm.trust.TrustException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The release signature a client sends with an upgrade or downgrade
 * (docs/security.md): read the same way, with the same errors, by {@code sm
 * upgrade}, {@code sm downgrade} and the REPL's {@code :upgrade}/{@code :downgrade}.
 */
public final class Signatures {
    private Signatures() {}

    /**
     * {@code --signature FILE} if given; else, for an artifact file, {@code FILE.cam.sig} beside it if it
     * exists (what {@code smc sign} writes); else none.
     */
    static Optional<ReleaseSignature> forUpgrade(Path given, Path artifact, boolean isArtifactFile) {
        if (given != null) return Optional.of(read(given));
        return isArtifactFile ? beside(artifact) : Optional.empty();
    }

    /** {@code FILE.cam.sig} beside {@code artifact}, if it exists (what {@code smc sign} writes). */
    public static Optional<ReleaseSignature> beside(Path artifact) {
        Path beside = artifact.resolveSibling(artifact.getFileName() + ".sig");
        return Files.exists(beside) ? Optional.of(read(beside)) : Optional.empty();
    }

    /** A release signature file; a missing, oversized or malformed one is a one-line user error. */
    public static ReleaseSignature read(Path file) {
        try {
            return ReleaseSignature.decode(MachineFiles.readBytes(file, ArtifactCodec.MAX_FILE_BYTES, ".sig"));
        } catch (TrustException e) {
            throw CliError.user(file + " is not a release signature (smc sign writes them): " + e.getMessage());
        }
    }
}
