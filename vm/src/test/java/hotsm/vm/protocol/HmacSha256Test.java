package hotsm.vm.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The cookie proofs' HMAC-SHA-256 gives javax.crypto.Mac's bytes, for keys shorter, as long as and longer than a block. */
class HmacSha256Test {

    @Test
    void sameBytesAsTheJdksMac() throws Exception {
        Random random = new Random(11);
        for (int keyLength : new int[] {1, 16, 32, 63, 64, 65, 100, 200}) {
            for (int messageLength : new int[] {0, 1, 55, 64, 77, 300}) {
                byte[] key = new byte[keyLength];
                byte[] a = new byte[messageLength];
                byte[] b = new byte[messageLength / 2];
                random.nextBytes(key);
                random.nextBytes(a);
                random.nextBytes(b);
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key, "HmacSHA256"));
                mac.update(a);
                mac.update(b);
                assertArrayEquals(mac.doFinal(), HmacSha256.mac(key, a, b), keyLength + "/" + messageLength);
            }
        }
    }

    @Test
    void rfc4231TestCase2() {
        byte[] expected = java.util.HexFormat.of()
                .parseHex("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
        assertArrayEquals(expected, HmacSha256.mac("Jefe".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                "what do ya want ".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                "for nothing?".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    }
}
