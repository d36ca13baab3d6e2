package hotsm.vm.protocol;

import hotsm.vm.trust.OwnerOnlyFiles;
import hotsm.vm.trust.Pem;
import hotsm.vm.trust.TrustException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS 1.3 from PEM files, with the JDK's own provider (docs/security.md): a
 * node's certificate chain ({@code --tls-cert}, {@code -----BEGIN CERTIFICATE-----}
 * blocks) and its unencrypted PKCS#8 key ({@code --tls-key},
 * {@code -----BEGIN PRIVATE KEY-----}, owner-only; RSA, EC or Ed25519); a
 * client's trusted certificates ({@code --tls-trust}). A client accepts a node
 * whose chain ends in one of the certificates it trusts; the host name is not
 * checked, because the trusted certificate is named explicitly (pin the node's
 * own certificate, or a CA of yours).
 */
public final class TlsContexts {
    private TlsContexts() {}

    public static final String PROTOCOL = "TLSv1.3";
    private static final char[] NO_PASSWORD = new char[0];

    /** The node's side: its certificate chain and private key. */
    public static SSLContext server(Path certificateFile, Path keyFile) throws IOException {
        List<Certificate> chain = certificates(certificateFile);
        PrivateKey key = privateKey(keyFile, chain.get(0).getPublicKey().getAlgorithm());
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("node", key, NO_PASSWORD, chain.toArray(new Certificate[0]));
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, NO_PASSWORD);
            SSLContext context = SSLContext.getInstance(PROTOCOL);
            context.init(kmf.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new TrustException("cannot use " + certificateFile + " with " + keyFile + ": " + e.getMessage(), e);
        }
    }

    /** A client's side: the certificates it trusts. */
    public static SSLContext client(List<Path> trustedFiles) throws IOException {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            int n = 0;
            for (Path f : trustedFiles) {
                for (Certificate c : certificates(f)) ks.setCertificateEntry("trusted-" + n++, c);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            SSLContext context = SSLContext.getInstance(PROTOCOL);
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new TrustException("cannot trust " + trustedFiles + ": " + e.getMessage(), e);
        }
    }

    /** Only TLS 1.3 on a socket of one of these contexts. */
    static void restrict(SSLSocket socket) {
        socket.setEnabledProtocols(new String[] {PROTOCOL});
    }

    static List<Certificate> certificates(Path file) throws IOException {
        byte[] bytes = read(file, "certificate");
        try {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(bytes));
            if (certs.isEmpty()) throw new TrustException(file + " holds no certificate (PEM, -----BEGIN CERTIFICATE-----)");
            return new ArrayList<>(certs);
        } catch (CertificateException e) {
            throw new TrustException(file + " is not a PEM certificate: " + e.getMessage(), e);
        }
    }

    static PrivateKey privateKey(Path file, String algorithm) throws IOException {
        String text = new String(read(file, "private key"), StandardCharsets.US_ASCII);
        OwnerOnlyFiles.check(file, "The TLS key file");
        if (!text.contains("-----BEGIN PRIVATE KEY-----")) {
            throw new TrustException(file + " is not an unencrypted PKCS#8 PEM key (-----BEGIN PRIVATE KEY-----);"
                    + " convert it with: openssl pkcs8 -topk8 -nocrypt -in OLD -out " + file);
        }
        byte[] der = Pem.read(text, "PRIVATE KEY", file.toString()).get(0);
        String alg = algorithm.equals("EdDSA") ? "Ed25519" : algorithm;
        try {
            return KeyFactory.getInstance(alg).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new TrustException(file + " is not a " + alg + " private key matching the certificate: "
                    + e.getMessage(), e);
        }
    }

    private static byte[] read(Path file, String what) throws IOException {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new TrustException("no such file: " + file + " (the TLS " + what + ")");
        }
    }
}
