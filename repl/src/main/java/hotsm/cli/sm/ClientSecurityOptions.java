package hotsm.cli.sm;

import hotsm.cli.CliError;
import hotsm.vm.protocol.ConnectionSecurity;
import hotsm.vm.protocol.Cookie;
import hotsm.vm.protocol.TlsContexts;
import hotsm.vm.trust.TrustException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --cookie-file FILE} and {@code --tls-trust CERT.pem}, for every
 * command that connects to a node (docs/security.md). Without them: the
 * default cookie ({@code $HOME/.sm/cookie}, created if missing) and no TLS.
 */
public final class ClientSecurityOptions {

    @Option(names = "--cookie-file", paramLabel = "FILE",
            description = "the secret shared with the node (default: $HOME/.sm/cookie, created owner-only if missing)")
    Path cookieFile;

    @Option(names = "--tls-trust", paramLabel = "CERT.pem",
            description = "connect over TLS 1.3, accepting a node whose certificate is (or is signed by) one of"
                    + " these; repeatable")
    List<Path> tlsTrust = new ArrayList<>();

    /** What these options say, or a one-line error (exit 1). */
    public ConnectionSecurity security() {
        return security(cookieFile, tlsTrust);
    }

    /** The same for given values (the REPL passes its own). */
    public static ConnectionSecurity security(Path cookieFile, List<Path> tlsTrust) {
        try {
            Cookie cookie = cookieFile == null ? Cookie.loadDefault() : Cookie.load(cookieFile, false);
            ConnectionSecurity s = new ConnectionSecurity(cookie, java.util.Optional.empty());
            return tlsTrust.isEmpty() ? s : s.withTls(TlsContexts.client(tlsTrust));
        } catch (TrustException e) {
            throw CliError.user(e.getMessage());
        } catch (IOException e) {
            throw CliError.user("cannot read the cookie or TLS files: " + e.getMessage());
        }
    }
}
