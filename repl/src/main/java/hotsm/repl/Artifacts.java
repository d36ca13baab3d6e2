package hotsm.repl;

import hotsm.vm.bytecode.Artifact;
import hotsm.vm.bytecode.ArtifactCodec;
import hotsm.vm.bytecode.ArtifactFormatException;
import hotsm.vm.bytecode.Identity;
import java.io.IOException;
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
        if (ArtifactCodec.isArtifactFile(file)) {
            try {
                return ArtifactCodec.decode(ArtifactCodec.readFile(file));
            } catch (IOException e) {
                throw ReplError.of("cannot read " + file + ": " + ReplSession.oneLine(e));
            } catch (ArtifactFormatException e) {
                throw ReplError.of(file.getFileName() + " is not a valid artifact: " + ReplSession.oneLine(e));
            }
        }
        LoadedProgram program = LoadedProgram.compile(file);
        if (machine != null) return program.artifact(program.resolveMachine(machine));
        List<String> names = program.machineNames();
        if (names.isEmpty()) throw ReplError.of(program.displayName() + " defines no machine");
        if (names.size() == 1) return program.artifact(names.get(0));
        for (String n : names) {
            Artifact a = program.artifact(n);
            if (a.upgrades().stream().anyMatch(u -> u.from().equals(running))) return a;
        }
        throw ReplError.of(program.displayName() + " defines several machines (" + String.join(", ", names)
                + "), none upgrading the running one; say which: :upgrade FILE MACHINE");
    }

    /** For a {@code .cam} file, the release signature {@code smc sign} wrote beside it, if there is one. */
    static Optional<ReleaseSignature> signatureBeside(Path file) throws ReplError {
        if (!ArtifactCodec.isArtifactFile(file)) return Optional.empty();
        Path sig = file.resolveSibling(file.getFileName() + ".sig");
        return Files.exists(sig) ? Optional.of(signature(sig)) : Optional.empty();
    }

    static ReleaseSignature signature(Path file) throws ReplError {
        try {
            return ReleaseSignature.decode(Files.readAllBytes(file));
        } catch (IOException e) {
            throw ReplError.of("cannot read " + file + ": " + ReplSession.oneLine(e));
        } catch (TrustException e) {
            throw ReplError.of(file.getFileName() + " is not a release signature: " + e.getMessage());
        }
    }
}
