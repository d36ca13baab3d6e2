package hotsm.cli.smc;

import hotsm.cli.CliError;
import hotsm.cli.Smc;
import hotsm.vm.trust.Ed25519Keys;
import hotsm.vm.trust.TrustException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code smc keygen -o NAME}: an Ed25519 release-signing key pair, {@code NAME.key} (owner-only) and {@code NAME.pub}. */
@Command(name = "keygen", mixinStandardHelpOptions = true, footer = Smc.EXIT_STATUS,
        description = {"Make a key pair for signing releases (docs/security.md).",
                "%nWrites NAME.key, the secret key (PEM PKCS#8, readable by its owner only), and NAME.pub, the "
                        + "public key to give to nodes (`sm node --trust NAME.pub`). Ed25519, from the JDK's own "
                        + "provider. Never overwrites a key.%n"})
public final class KeygenCommand implements Callable<Integer> {

    @ParentCommand private Smc smc;

    @Option(names = {"-o", "--output"}, paramLabel = "NAME", required = true,
            description = "Write NAME.key and NAME.pub.")
    private Path name;

    @Override public Integer call() {
        Path secret = name.resolveSibling(name.getFileName() + ".key");
        Path pub = name.resolveSibling(name.getFileName() + ".pub");
        for (Path p : new Path[] {secret, pub}) {
            if (Files.exists(p)) throw CliError.user(p + " already exists; keys are never overwritten");
        }
        KeyPair pair = Ed25519Keys.generate();
        try {
            Ed25519Keys.write(pair, secret, pub);
        } catch (FileAlreadyExistsException e) {
            throw CliError.user(e.getFile() + " already exists; keys are never overwritten");
        } catch (IOException | TrustException e) {
            throw CliError.user("cannot write the key pair: " + e.getMessage());
        }
        smc.out().println("wrote " + secret + " (secret, owner-only) and " + pub + " (key "
                + Ed25519Keys.fingerprint(pair.getPublic()) + ")");
        return Smc.OK;
    }
}
