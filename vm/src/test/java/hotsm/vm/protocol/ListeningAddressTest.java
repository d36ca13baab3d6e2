package hotsm.vm.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/**
 * {@code sm node} prints {@code listening on HOST:PORT} (issue 4) from {@link NodeServer#hostPort()}:
 * an address a client can be given back. With {@code --bind 0.0.0.0} the socket reports the IPv6
 * wildcard on a dual-stack host, which printed {@code listening on 0:0:0:0:0:0:0:0:45383}, neither
 * what was asked nor a HOST:PORT {@link HostPort#parse} reads.
 */
class ListeningAddressTest {

    private static InetAddress at(String literal) throws Exception { return InetAddress.getByName(literal); }

    @Test void aWildcardBindReadsAsTheAddressAskedFor() throws Exception {
        InetSocketAddress dualStack = new InetSocketAddress(at("::"), 45383);
        assertEquals("0.0.0.0:45383", NodeServer.hostPort(dualStack, at("0.0.0.0")));
        assertEquals("0.0.0.0:45383", NodeServer.hostPort(new InetSocketAddress(at("0.0.0.0"), 45383), at("0.0.0.0")));
    }

    @Test void everyShownAddressParsesBack() throws Exception {
        for (String[] c : new String[][] {{"127.0.0.1", "127.0.0.1"}, {"::", "::"}, {"::1", "::1"}, {"::", "0.0.0.0"}}) {
            String shown = NodeServer.hostPort(new InetSocketAddress(at(c[0]), 7070), at(c[1]));
            HostPort back = HostPort.parse(shown);
            assertEquals(7070, back.port(), shown);
            assertEquals(at(c[1]).isAnyLocalAddress() ? at(c[1]) : at(c[0]), at(back.host()), shown);
        }
        assertEquals("127.0.0.1:7070", NodeServer.hostPort(new InetSocketAddress(at("127.0.0.1"), 7070), at("127.0.0.1")));
        assertEquals("[0:0:0:0:0:0:0:1]:7070", NodeServer.hostPort(new InetSocketAddress(at("::1"), 7070), at("::1")));
    }
}
