package hotsm.cli;

import static hotsm.cli.SmcHarness.smc;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hotsm.vm.bytecode.ArtifactCodec;
import hotsm.vm.node.CounterArtifacts;
import hotsm.vm.trust.ChangeKind;
import hotsm.vm.trust.Ed25519Keys;
import hotsm.vm.trust.ReleaseSignature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code smc keygen} and {@code smc sign} (docs/security.md). */
class SmcSigningTest {

    @TempDir Path dir;

    private Path cam(String name, byte[] bytes) throws Exception {
        return Files.write(dir.resolve(name), bytes);
    }

    @Test void keygenWritesAnOwnerOnlySecretKeyAndNeverOverwritesIt() throws Exception {
        SmcHarness.Run r = smc("keygen", "-o", dir.resolve("ops").toString());
        assertEquals(0, r.status(), r.toString());
        Path key = dir.resolve("ops.key");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        assertTrue(Files.readString(key).startsWith("-----BEGIN PRIVATE KEY-----"));
        String pub = Files.readString(dir.resolve("ops.pub"));
        assertTrue(pub.startsWith("-----BEGIN PUBLIC KEY-----"));
        assertTrue(r.out().contains("(key " + Ed25519Keys.fingerprint(Ed25519Keys.readPublic(dir.resolve("ops.pub")))
                + ")"), r.out());

        SmcHarness.Run again = smc("keygen", "-o", dir.resolve("ops").toString());
        assertEquals(1, again.status());
        assertEquals("error: " + key + " already exists; keys are never overwritten\n", again.err());
        assertEquals(pub, Files.readString(dir.resolve("ops.pub")));
    }

    @Test void signCountsReleasesPerMachineBesideTheKey() throws Exception {
        smc("keygen", "-o", dir.resolve("ops").toString());
        String key = dir.resolve("ops.key").toString();
        byte[] bytes2 = ArtifactCodec.encode(CounterArtifacts.counter2());
        Path c2 = cam("Counter2.counter.cam", bytes2);
        Path c3 = cam("Counter3.counter.cam", ArtifactCodec.encode(CounterArtifacts.counter3(true)));

        SmcHarness.Run first = smc("sign", "--key", key, c2.toString());
        assertEquals(0, first.status(), first.toString());
        assertTrue(first.out().startsWith("wrote " + c2 + ".sig (Counter2.counter, release 1, key ops "), first.out());
        ReleaseSignature sig = ReleaseSignature.decode(Files.readAllBytes(Path.of(c2 + ".sig")));
        assertEquals(ChangeKind.UPGRADE, sig.kind());
        assertEquals(1, sig.release());
        assertTrue(sig.verifies(bytes2));
        assertArrayEquals(Ed25519Keys.raw(Ed25519Keys.readPublic(dir.resolve("ops.pub"))), sig.publicKey());

        // Counter3 is the same machine (counter) in another module: its release goes on from 1.
        assertTrue(smc("sign", "--key", key, c3.toString()).out().contains("release 2"));
        assertTrue(smc("sign", "--key", key, "--downgrade", c3.toString()).out()
                .startsWith("wrote " + c3 + ".downgrade.sig (downgrade from Counter3.counter, release 3"));
        assertTrue(smc("sign", "--key", key, "--release", "10", c2.toString()).out().contains("release 10"));
        assertTrue(smc("sign", "--key", key, c2.toString()).out().contains("release 11"));
        assertTrue(Files.readString(dir.resolve("ops.releases")).contains("\ncounter 11\n"),
                Files.readString(dir.resolve("ops.releases")));
    }

    @Test void aSecretKeyOthersCanReadIsRefused() throws Exception {
        smc("keygen", "-o", dir.resolve("ops").toString());
        Path key = dir.resolve("ops.key");
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
        Path c2 = cam("c2.cam", ArtifactCodec.encode(CounterArtifacts.counter2()));
        SmcHarness.Run r = smc("sign", "--key", key.toString(), c2.toString());
        assertEquals(1, r.status());
        assertEquals("error: The secret key file " + key + " may be read or written by others (permissions"
                + " rw-r--r--); it must be owner-only: chmod 600 " + key + "\n", r.err());
        assertTrue(!Files.exists(Path.of(c2 + ".sig")));
    }

    @Test void aPublicKeyGivenAsTheSecretKeyIsNamedSo() throws Exception {
        smc("keygen", "-o", dir.resolve("ops").toString());
        Path c2 = cam("c2.cam", ArtifactCodec.encode(CounterArtifacts.counter2()));
        SmcHarness.Run r = smc("sign", "--key", dir.resolve("ops.pub").toString(), c2.toString());
        assertEquals(1, r.status());
        assertEquals("error: " + dir.resolve("ops.pub") + " is a public key; sign with its secret key, "
                + dir.resolve("ops.key") + " (smc keygen writes NAME.key and NAME.pub)\n", r.err());
        assertTrue(!Files.exists(Path.of(c2 + ".sig")));
    }

    @Test void aPublicKeyOfAnotherPairIsRefused() throws Exception {
        smc("keygen", "-o", dir.resolve("ops").toString());
        smc("keygen", "-o", dir.resolve("other").toString());
        Files.copy(dir.resolve("other.pub"), dir.resolve("ops.pub"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path c2 = cam("c2.cam", ArtifactCodec.encode(CounterArtifacts.counter2()));
        SmcHarness.Run r = smc("sign", "--key", dir.resolve("ops.key").toString(), c2.toString());
        assertEquals(1, r.status());
        assertEquals("error: " + dir.resolve("ops.pub") + " is not the public key of " + dir.resolve("ops.key") + "\n",
                r.err());
    }
}
