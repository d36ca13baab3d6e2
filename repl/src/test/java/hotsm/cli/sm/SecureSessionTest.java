package hotsm.cli.sm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hotsm.cli.Sm;
import hotsm.cli.Smc;
import hotsm.vm.protocol.Cookie;
import hotsm.vm.testing.TestCertificates;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Item 5 of docs/security.md: every {@code sm} and REPL command working with
 * a cookie, signed releases and TLS together, against {@code sm node} in its
 * own process: send, state, info, upgrade and downgrade (signed), a refused
 * unsigned upgrade, a replayed older release, the REPL's {@code :connect},
 * {@code :upgrade}, {@code :downgrade}, {@code :history}; and clients with
 * the wrong cookie or without TLS turned away.
 */
class SecureSessionTest {

    private static final Path COUNTERS = Path.of(System.getProperty("hotsm.root", "."), "samples", "counter");

    @TempDir Path dir;

    private static String smc(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Smc.execute(args, InputStream.nullInputStream(), new PrintWriter(out, true),
                new PrintWriter(err, true));
        assertEquals(0, status, String.join(" ", args) + ": " + out + err);
        return out.toString();
    }

    /** {@code sm repl ...} with standard input piped. */
    private static SmRun repl(String stdin, String... args) {
        InputStream saved = System.in;
        try {
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            return SmRun.of(args);
        } finally {
            System.setIn(saved);
        }
    }

    private static String[] with(String[] security, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of(security));
        return all.toArray(new String[0]);
    }

    @Test void cookieSignaturesAndTlsTogether() throws Exception {
        String cookie = Cookie.load(dir.resolve("cookie"), true).file().toString();
        TestCertificates.Pair tls = TestCertificates.make(dir, "node");
        assertTrue(smc("keygen", "-o", dir.resolve("ops").toString()).startsWith("wrote "));
        smc("compile", "-I", COUNTERS.toString(), "-o", dir.toString(), COUNTERS.resolve("Counter1.sm").toString(),
                COUNTERS.resolve("Counter2.sm").toString(), COUNTERS.resolve("Counter3.sm").toString());
        String c1 = dir.resolve("Counter1.counter.cam").toString();
        String c2 = dir.resolve("Counter2.counter.cam").toString();
        String c3 = dir.resolve("Counter3.counter.cam").toString();
        String key = dir.resolve("ops.key").toString();
        // The node starts from a signed release (1): every change must come later.
        assertTrue(smc("sign", "--key", key, c1).contains("release 1"));
        assertTrue(smc("sign", "--key", key, c2).contains("release 2"));

        String[] client = {"--cookie-file", cookie, "--tls-trust", tls.certificate().toString()};
        try (NodeProcess node = NodeProcess.start(c1, "--cookie-file", cookie, "--tls-cert",
                tls.certificate().toString(), "--tls-key", tls.key().toString(),
                "--trust", dir.resolve("ops.pub").toString())) {
            String a = node.address;
            assertEquals(List.of("Ok", "Ok", "Total 2"), SmRun.of(with(client, "send", a, "Incr", "Incr", "Count")).lines());

            SmRun unsigned = SmRun.of(with(client, "upgrade", a, c3));
            assertEquals(1, unsigned.status(), unsigned.out() + unsigned.err());
            assertTrue(unsigned.out().startsWith("This node accepts only signed upgrades (from ops ("), unsigned.out());

            SmRun up = SmRun.of(with(client, "upgrade", a, c2));   // Counter2.counter.cam.sig goes along
            assertEquals(0, up.status(), up.out() + up.err());
            assertEquals("Upgrade successful!", up.lines().get(0));
            assertEquals(List.of("(2, 2)"), SmRun.of(with(client, "state", a)).lines());

            assertTrue(smc("sign", "--key", key, "--downgrade", c2).contains("release 3"));
            SmRun down = SmRun.of(with(client, "downgrade", a, "--signature", c2 + ".downgrade.sig"));
            assertEquals(0, down.status(), down.out() + down.err());
            assertEquals("Downgrade successful!", down.lines().get(0));

            SmRun replay = SmRun.of(with(client, "upgrade", a, c2));   // the release-2 signature again
            assertEquals(1, replay.status());
            assertEquals("Release 2 is not above release 3, the highest this node has accepted: an older release "
                    + "cannot be replayed. Aborting upgrade.", replay.lines().get(0));

            // The REPL, with new releases: 4 (Counter2), 5 (a downgrade from it), 6 (Counter2 again, from a
            // copy so its signature file is another) and 7 (Counter3).
            smc("sign", "--key", key, c2);
            smc("sign", "--key", key, "--downgrade", c2);
            String c2again = Files.copy(Path.of(c2), dir.resolve("Counter2-again.cam")).toString();
            smc("sign", "--key", key, c2again);
            assertTrue(smc("sign", "--key", key, c3).contains("release 7"));
            SmRun session = repl(String.join("\n", ":upgrade " + c2, "Incr", "Count", ":state",
                    ":downgrade " + c2 + ".downgrade.sig", ":upgrade " + c2again, ":upgrade " + c3, ":info",
                    ":history", ""),
                    with(client, "repl", "--connect", a));
            assertEquals(0, session.status(), session.out() + session.err());
            List<String> lines = session.lines();
            assertTrue(lines.get(0).startsWith("Connected to " + a), session.out());
            assertEquals(List.of("Upgrade successful!", "Ok", "Total 3", "(2, 3)", "Downgrade successful!",
                    "Upgrade successful!", "Upgrade successful!"), lines.subList(1, 8), session.out());
            assertTrue(lines.contains("machine  Counter3.counter"), session.out());
            assertTrue(lines.get(lines.size() - 1).matches(".*Counter3\\.counter  \\(upgraded from [0-9a-f]{8},"
                    + " release 7 signed by ops \\([0-9a-f]{16}\\)\\)"), session.out());

            SmRun info = SmRun.of(with(client, "info", a));
            assertEquals(0, info.status(), info.err());
            assertTrue(info.out().contains("(started, release 1 signed by ops (")
                    && info.out().contains(", release 2 signed by ops ("), info.out());

            // Turned away: another cookie (the message names the file to check), no TLS.
            String other = Cookie.load(dir.resolve("other-cookie"), true).file().toString();
            SmRun wrongCookie = SmRun.of("info", a, "--cookie-file", other, "--tls-trust", tls.certificate().toString());
            assertEquals(1, wrongCookie.status());
            assertTrue(wrongCookie.err().contains("cookie in " + other), wrongCookie.err());
            SmRun plain = SmRun.of("info", a, "--cookie-file", cookie);
            assertEquals(1, plain.status());
            assertTrue(plain.err().startsWith("sm: cannot talk to a node at " + a), plain.err());

            String started = node.stderr();
            assertTrue(started.contains("clients must prove they know the cookie in " + cookie
                    + "; connections use TLS 1.3"), started);
            assertTrue(started.contains("code changes need a release signed by ops ("), started);
        }
    }

    @Test void aNodeWithoutTrustedKeysOrTlsSaysSoAtStartUp() throws Exception {
        Path cam = dir.resolve("c1");
        smc("compile", "-o", cam.toString(), COUNTERS.resolve("Counter1.sm").toString());
        try (NodeProcess node = NodeProcess.start(cam.resolve("Counter1.counter.cam").toString(), "--bind", "0.0.0.0")) {
            String err = "";
            for (int i = 0; i < 600 && !err.contains("without TLS"); i++) {
                Thread.sleep(50);
                err = node.stderr();
            }
            assertTrue(err.contains("warning: no --trust key: any client that knows the cookie may upgrade or"
                    + " downgrade this node"), err);
            assertTrue(err.contains("warning: listening on 0.0.0.0 without TLS"), err);
        }
        assertTrue(Files.exists(Cookie.defaultFile()), "the node used the default (test) cookie");
    }
}
