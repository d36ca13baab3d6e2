package hotsm.vm.protocol;

import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * How one side secures its connections (docs/security.md): the cookie both
 * sides must know, and optionally TLS 1.3 ({@link TlsContexts}: a node's
 * certificate and key, or the certificates a client trusts). The cookie
 * proof runs inside TLS when there is TLS.
 */
public record ConnectionSecurity(Cookie cookie, Optional<SSLContext> tls) {

    public ConnectionSecurity {
        Objects.requireNonNull(cookie);
        Objects.requireNonNull(tls);
    }

    /** The default cookie ({@link Cookie#defaultFile()}, created if missing), no TLS. */
    public static ConnectionSecurity defaults() throws IOException {
        return new ConnectionSecurity(Cookie.loadDefault(), Optional.empty());
    }

    public ConnectionSecurity withTls(SSLContext context) {
        return new ConnectionSecurity(cookie, Optional.of(context));
    }
}
