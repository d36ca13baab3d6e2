package hotsm.vm.protocol;

import static hotsm.vm.node.CounterArtifacts.INCR;
import static hotsm.vm.node.CounterArtifacts.counter1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hotsm.vm.node.Node;
import hotsm.vm.node.NodeOptions;
import hotsm.vm.testing.TestCertificates;
import hotsm.vm.value.Value;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Item 3 of docs/security.md: TLS 1.3 around the cookie proof and the frames. */
class TlsTest {

    @TempDir static Path dir;
    static TestCertificates.Pair nodeCert;
    static TestCertificates.Pair strangerCert;
    static Cookie cookie;
    static Node node;
    static NodeServer server;
    static HostPort address;

    @BeforeAll static void start() throws Exception {
        List<TestCertificates.Pair> certs = TestCertificates.make(dir, List.of("node", "stranger"));
        nodeCert = certs.get(0);
        strangerCert = certs.get(1);
        cookie = Cookie.load(dir.resolve("cookie"), true);
        node = Node.start(counter1(), NodeOptions.defaults());
        server = NodeServer.start(node, InetAddress.getLoopbackAddress(), 0,
                new ConnectionSecurity(cookie, Optional.empty())
                        .withTls(TlsContexts.server(nodeCert.certificate(), nodeCert.key())));
        address = HostPort.parse(server.hostPort());
    }

    @AfterAll static void stop() {
        server.close();
        node.close();
    }

    private static ConnectionSecurity trusting(Path certificate) throws IOException {
        return new ConnectionSecurity(cookie, Optional.empty()).withTls(TlsContexts.client(List.of(certificate)));
    }

    @Test void aClientTrustingTheNodesCertificateIsServedOverTls13() throws IOException {
        try (NodeClient c = NodeClient.connect(address, Optional.empty(), trusting(nodeCert.certificate()))) {
            c.step(INCR);
            assertTrue(c.state().value() instanceof Value.Int);
        }
    }

    @Test void anUntrustedCertificateIsRefused() {
        IOException e = assertThrows(IOException.class,
                () -> NodeClient.connect(address, Optional.empty(), trusting(strangerCert.certificate())));
        assertTrue(e.getMessage().startsWith("the TLS handshake with " + address + " failed"), e.getMessage());
    }

    @Test void aClientWithoutTlsIsToldTheNodeMayUseIt() {
        IOException e = assertThrows(IOException.class,
                () -> NodeClient.connect(address, Optional.empty(), new ConnectionSecurity(cookie, Optional.empty())));
        assertTrue(e.getMessage().contains("--tls-trust") || e.getMessage().contains("not a hotsm node"),
                e.getMessage());
    }

    @Test void theCookieProofStillRunsInsideTls() throws IOException {
        Cookie other = Cookie.load(dir.resolve("other-cookie"), true);
        ConnectionSecurity s = new ConnectionSecurity(other, Optional.empty())
                .withTls(TlsContexts.client(List.of(nodeCert.certificate())));
        IOException e = assertThrows(IOException.class, () -> NodeClient.connect(address, Optional.empty(), s));
        assertTrue(e.getMessage().contains("cookie in " + other.file()), e.getMessage());
    }

    @Test void aTlsKeyOthersCanReadIsRefused() throws IOException {
        Path loose = dir.resolve("loose.key");
        java.nio.file.Files.copy(nodeCert.key(), loose);
        java.nio.file.Files.setPosixFilePermissions(loose,
                java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        hotsm.vm.trust.TrustException e = assertThrows(hotsm.vm.trust.TrustException.class,
                () -> TlsContexts.server(nodeCert.certificate(), loose));
        assertTrue(e.getMessage().startsWith("The TLS key file " + loose + " may be read"), e.getMessage());
    }
}
