package hotsm.cli.smc;

import hotsm.vm.bytecode.Artifact;
import hotsm.vm.bytecode.ArtifactCodec;
import hotsm.vm.bytecode.ArtifactFormatException;
import hotsm.vm.verify.VerifyException;
import hotsm.vm.verify.Verifier;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reading {@code .cam} files: decoded and verified, or a one-line user error. */
final class ArtifactFiles {

    private ArtifactFiles() {}

    /** The verified artifact in {@code file}. */
    static Artifact read(Path file) {
        byte[] bytes;
        try {
            bytes = ArtifactCodec.readFile(file);
        } catch (ArtifactFormatException e) {
            throw new UserError(file + ": not a valid artifact: " + oneLine(e.getMessage()));
        } catch (NoSuchFileException e) {
            throw new UserError("cannot read " + file + ": no such file");
        } catch (IOException e) {
            throw new UserError("cannot read " + file + ": " + e.getMessage());
        }
        Artifact artifact;
        try {
            artifact = ArtifactCodec.decode(bytes);
        } catch (ArtifactFormatException e) {
            throw new UserError(file + ": not a valid artifact: " + oneLine(e.getMessage()));
        } catch (RuntimeException e) {
            // The codec should say everything with ArtifactFormatException; a corrupt file is still the user's.
            throw new UserError(file + ": not a valid artifact: " + oneLine(String.valueOf(e.getMessage())));
        }
        try {
            Verifier.verify(artifact);
        } catch (VerifyException e) {
            throw new UserError(file + ": rejected by the verifier: " + oneLine(e.getMessage()));
        } catch (RuntimeException e) {
            throw new UserError(file + ": rejected by the verifier: " + oneLine(String.valueOf(e.getMessage())));
        }
        return artifact;
    }

    /**
     * Verify the compiler's own output: a rejection is an internal failure,
     * except for a nesting limit of the VM the program went past (exit 1).
     */
    static void verifyCompiled(Artifact a) {
        try {
            Verifier.verify(a);
        } catch (VerifyException e) {
            if (!String.valueOf(e.getMessage()).contains("nest")) throw e;
            throw new UserError("machine " + a.name() + " is over a limit of the VM: " + oneLine(e.getMessage()));
        }
    }

    static String oneLine(String message) {
        return message == null ? "" : message.replace('\n', ' ');
    }
}
