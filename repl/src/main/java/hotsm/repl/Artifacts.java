package hotsm.repl;

import hotsm.cli.CliError;
import hotsm.cli.MachineFiles;
import hotsm.vm.bytecode.Artifact;
import hotsm.vm.bytecode.ArtifactCodec;
import hotsm.vm.bytecode.Identity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import hotsm.vm.trust.ReleaseSignature;
import hotsm.vm.trust.TrustException;

/** The artifact an {@code :upgrade} sends: read from a {@code .cam} file, or compiled from a {@code .sm} file. */
final class Artifacts {
    private Artifacts() {}

    /**
     * @param machine which machine of a {@code .sm} file, or null: the only one, or
     *                the one with an upgrade section from the machine the node runs
     * @param running the identity of the machine the node runs
     */
    static Artifact load(Path file, String machine, Identity running) throws ReplError {
        try {
            return MachineFiles.load(file, machine, List.of(),
                    a -> a.upgrades().stream().anyMatch(u -> u.from().equals(running)),
                    "none upgrades the running one: say which, :upgrade FILE MACHINE").artifact();
        } catch (CliError e) {
            Interrupted.check();
            throw ReplError.of(e.getMessage());
        }
    }

    /** For a {@code .cam} file, the release signature {@code smc sign} wrote beside it, if there is one. */
    static Optional<ReleaseSignature> signatureBeside(Path file) throws ReplError {
        if (!ArtifactCodec.isArtifactFile(file)) return Optional.empty();
        Path sig = file.resolveSibling(file.getFileName() + ".sig");
        return Files.exists(sig) ? Optional.of(signature(sig)) : Optional.empty();
    }

    static ReleaseSignature signature(Path file) throws ReplError {
        try {
            return ReleaseSignature.decode(MachineFiles.readBytes(file, ArtifactCodec.MAX_FILE_BYTES, ".sig"));
        } catch (CliError e) {
            throw ReplError.of(e.getMessage());
        } catch (TrustException e) {
            throw ReplError.of(file.getFileName() + " is not a release signature: " + e.getMessage());
        }
    }
}
