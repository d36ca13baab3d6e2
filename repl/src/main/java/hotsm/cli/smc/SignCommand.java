package hotsm.cli.smc;

import hotsm.cli.CliError;
import hotsm.cli.MachineFiles;
import hotsm.cli.Smc;
import hotsm.vm.bytecode.Artifact;
import hotsm.vm.bytecode.Identities;
import hotsm.vm.trust.ChangeKind;
import hotsm.vm.trust.Ed25519Keys;
import hotsm.vm.trust.ReleaseRecord;
import hotsm.vm.trust.ReleaseSignature;
import hotsm.vm.trust.TrustException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code smc sign --key NAME.key FILE.cam [--release N] [--downgrade]}: a release signature beside the artifact. */
@Command(name = "sign", mixinStandardHelpOptions = true, footer = Smc.EXIT_STATUS,
        description = {"Sign an artifact as a release (docs/security.md).",
                "%nSigns FILE.cam's bytes together with a release number and writes FILE.cam.sig, which "
                        + "`sm upgrade` and the REPL's `:upgrade` send along. With --downgrade it signs instead a "
                        + "downgrade away from FILE.cam's machine, written as FILE.cam.downgrade.sig, for "
                        + "`sm downgrade --signature`. A node started with `--trust NAME.pub` accepts a change only "
                        + "if it is signed and its release number is above every one it has accepted. The default "
                        + "release is one more than the highest this key has signed for the machine, kept in "
                        + "NAME.releases beside the key.%n"})
public final class SignCommand implements Callable<Integer> {

    @ParentCommand private Smc smc;

    @Option(names = "--key", paramLabel = "NAME.key", required = true,
            description = "The secret key (smc keygen); NAME.pub must be beside it.")
    private Path key;

    @Parameters(index = "0", paramLabel = "FILE.cam", description = "The artifact to sign.")
    private Path file;

    @Option(names = "--release", paramLabel = "N",
            description = "The release number (default: one more than the highest this key signed for the machine).")
    private Long release;

    @Option(names = "--downgrade", description = "Sign a downgrade away from this artifact's machine.")
    private boolean downgrade;

    @Override public Integer call() {
        if (release != null && release < 1) throw CliError.user("--release must be at least 1, got " + release);
        MachineFiles.Cam cam = MachineFiles.readArtifact(file);
        byte[] bytes = cam.bytes();
        Artifact artifact = cam.artifact();
        String base = key.getFileName().toString().replaceFirst("\\.key$", "");
        Path pubFile = key.resolveSibling(base + ".pub");
        Path record = ReleaseRecord.beside(key);
        String machine = ReleaseRecord.machineOf(artifact.name());
        try {
            PrivateKey secret = Ed25519Keys.readSecret(key);
            PublicKey pub = Ed25519Keys.readPublic(pubFile);
            long n = release != null ? release : ReleaseRecord.next(record, machine);
            ChangeKind kind = downgrade ? ChangeKind.DOWNGRADE : ChangeKind.UPGRADE;
            byte[] subject = downgrade ? Identities.of(artifact).bytes() : bytes;
            ReleaseSignature sig = ReleaseSignature.sign(kind, n, subject, secret, pub);
            if (!sig.verifies(subject)) throw CliError.user(pubFile + " is not the public key of " + key);
            Path out = file.resolveSibling(file.getFileName() + (downgrade ? ".downgrade.sig" : ".sig"));
            Files.write(out, sig.encode());
            ReleaseRecord.record(record, machine, n);
            smc.out().println("wrote " + out + " (" + (downgrade ? "downgrade from " : "") + artifact.name()
                    + ", release " + n + ", key " + base + " " + sig.fingerprint() + ")");
            return Smc.OK;
        } catch (TrustException e) {
            throw CliError.user(e.getMessage());
        } catch (IOException e) {
            throw CliError.user("cannot sign " + file + ": " + e.getMessage());
        }
    }
}
