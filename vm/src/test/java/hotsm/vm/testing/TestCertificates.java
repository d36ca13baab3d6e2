package hotsm.vm.testing;

import hotsm.vm.trust.OwnerOnlyFiles;
import hotsm.vm.trust.Pem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.util.List;

/**
 * Self-signed certificates for TLS tests, made the way docs/security.md tells
 * users to without openssl: the JDK's {@code keytool} makes a PKCS#12 key
 * store, and its key and certificate are written out as PEM.
 */
public final class TestCertificates {
    private TestCertificates() {}

    /** {@code dir/NAME.crt} and {@code dir/NAME.key} (owner-only), for {@code CN=localhost}, IP 127.0.0.1. */
    public record Pair(Path certificate, Path key) {}

    private static final String PASSWORD = "hotsm-test";

    public static Pair make(Path dir, String name) throws IOException, InterruptedException {
        return make(dir, List.of(name)).get(0);
    }

    /** Several at once (the keytool processes run side by side). */
    public static List<Pair> make(Path dir, List<String> names) throws IOException, InterruptedException {
        List<Process> running = new java.util.ArrayList<>();
        for (String name : names) {
            running.add(new ProcessBuilder(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                    "-genkeypair", "-alias", "node", "-keyalg", "EC", "-groupname", "secp256r1",
                    "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "30",
                    "-keystore", dir.resolve(name + ".p12").toString(), "-storetype", "PKCS12",
                    "-storepass", PASSWORD, "-keypass", PASSWORD))
                    .redirectErrorStream(true).start());
        }
        List<Pair> pairs = new java.util.ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            Process p = running.get(i);
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) throw new IOException("keytool failed: " + output);
            pairs.add(toPem(dir, names.get(i)));
        }
        return pairs;
    }

    private static Pair toPem(Path dir, String name) throws IOException {
        Path store = dir.resolve(name + ".p12");
        try (InputStream in = Files.newInputStream(store)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, PASSWORD.toCharArray());
            Key key = ks.getKey("node", PASSWORD.toCharArray());
            Path crt = dir.resolve(name + ".crt");
            Path keyFile = dir.resolve(name + ".key");
            Files.writeString(crt, Pem.write("CERTIFICATE", ks.getCertificate("node").getEncoded()));
            OwnerOnlyFiles.create(keyFile, Pem.write("PRIVATE KEY", key.getEncoded()).getBytes(StandardCharsets.US_ASCII));
            return new Pair(crt, keyFile);
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
    }
}
