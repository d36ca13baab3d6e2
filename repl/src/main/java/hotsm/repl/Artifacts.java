package hotsm.repl;

import hotsm.cli.CliError;
import hotsm.cli.MachineFiles;
import hotsm.cli.sm.Signatures;
import hotsm.vm.bytecode.Artifact;
import hotsm.vm.bytecode.Identity;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import hotsm.vm.trust.ReleaseSignature;

/** The artifact an {@code :upgrade} sends: read from a {@code .cam} file, or compiled from a {@code .sm} file. */
final class Artifacts {
    private Artifacts() {}

    /**
     * @param machine which machine of a {@code .sm} file, or null: the only one, or
     *                the one with an upgrade section from the machine the node runs
     * @param running the identity of the machine the node runs
     */
    static Artifact load(Path file, String machine, List<Path> includes, Identity running) throws ReplError {
        try {
            return MachineFiles.load(file, machine, includes,
                    a -> a.upgrades().stream().anyMatch(u -> u.from().equals(running)),
                    "say which, :upgrade FILE MACHINE").artifact();
        } catch (CliError e) {
            Interrupted.check();
            throw ReplError.of(e.getMessage());
        }
    }

    /** For a {@code .cam} file, the release signature {@code smc sign} wrote beside it, if there is one. */
    static Optional<ReleaseSignature> signatureBeside(Path file) throws ReplError {
        if (!MachineFiles.isArtifact(file)) return Optional.empty();
        try {
            return Signatures.beside(file);
        } catch (CliError e) {
            throw ReplError.of(e.getMessage());
        }
    }

    /** A release signature file, read as {@code sm downgrade --signature} reads it. */
    static ReleaseSignature signature(Path file) throws ReplError {
        try {
            return Signatures.read(file);
        } catch (CliError e) {
            throw ReplError.of(e.getMessage());
        }
    }
}
