package hotsm.vm.trust;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * PEM text (RFC 7468): {@code -----BEGIN LABEL-----}, base64 lines,
 * {@code -----END LABEL-----}. Keys and certificates are kept in PEM because
 * every tool reads and writes it ({@code openssl}, {@code keytool -rfc}).
 */
public final class Pem {
    private Pem() {}

    public static String write(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }

    /**
     * Every block labelled {@code label} in {@code text}, in order (other
     * blocks and text around them are skipped).
     *
     * @param what names the file in errors
     * @throws TrustException if there is none or one is not valid base64
     */
    public static List<byte[]> read(String text, String label, String what) {
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        List<byte[]> blocks = new ArrayList<>();
        int from = 0;
        while (true) {
            int b = text.indexOf(begin, from);
            if (b < 0) break;
            int e = text.indexOf(end, b);
            if (e < 0) throw new TrustException(what + ": \"" + begin + "\" has no \"" + end + "\"");
            String body = text.substring(b + begin.length(), e);
            try {
                blocks.add(Base64.getMimeDecoder().decode(body));
            } catch (IllegalArgumentException x) {
                throw new TrustException(what + ": the " + label + " block is not valid base64");
            }
            from = e + end.length();
        }
        if (blocks.isEmpty()) throw new TrustException(what + " has no \"" + begin + "\" block");
        return blocks;
    }
}
