package hotsm.cli.sm;

import hotsm.cli.CliError;
import hotsm.cli.MachineFiles;
import hotsm.vm.bytecode.ArtifactCodec;
import hotsm.vm.trust.ReleaseSignature;
import hotsm.vm.trust.TrustException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The release signature a client sends with an upgrade or downgrade (docs/security.md). */
final class Signatures {
    private Signatures() {}

    /**
     * {@code --signature FILE} if given; else, for an artifact file, {@code FILE.cam.sig} beside it if it
     * exists (what {@code smc sign} writes); else none.
     */
    static Optional<ReleaseSignature> forUpgrade(Path given, Path artifact, boolean isArtifactFile) {
        if (given != null) return Optional.of(read(given));
        if (!isArtifactFile) return Optional.empty();
        Path beside = artifact.resolveSibling(artifact.getFileName() + ".sig");
        return Files.exists(beside) ? Optional.of(read(beside)) : Optional.empty();
    }

    static ReleaseSignature read(Path file) {
        try {
            return ReleaseSignature.decode(MachineFiles.readBytes(file, ArtifactCodec.MAX_FILE_BYTES, ".sig"));
        } catch (TrustException e) {
            throw CliError.user(file + " is not a release signature (smc sign writes them): " + e.getMessage());
        }
    }
}
