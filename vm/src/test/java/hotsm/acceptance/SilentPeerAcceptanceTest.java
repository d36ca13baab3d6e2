package hotsm.acceptance;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hotsm.vm.protocol.HostPort;
import hotsm.vm.protocol.NodeClient;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A client pointed at something that accepts connections but never speaks
 * (an HTTP server waiting for a request, a wrong port) gives up with an error
 * instead of hanging forever.
 */
class SilentPeerAcceptanceTest {

    @Test
    void aPeerThatNeverAnswersTheHandshakeIsAnError() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try (Socket s = silent.accept()) {
                    Thread.sleep(120_000);
                } catch (IOException | InterruptedException e) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            HostPort address = new HostPort("127.0.0.1", silent.getLocalPort());
            // generous bound: the point is that it ends, not how fast
            IOException e = assertTimeoutPreemptively(Duration.ofSeconds(90),
                    () -> assertThrows(IOException.class, () -> NodeClient.connect(address).close()));
            assertTrue(e.getMessage().contains("did not answer"), e.getMessage());
            acceptor.interrupt();
        }
    }
}
