package hotsm.vm.bytecode;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Bounds-checked big-endian reads over the bytes of a file: every read is
 * checked against {@link #limit}, the end of the enclosing block or of the
 * file, and failures name the offset and the {@link #section} being read.
 */
class ByteReader {
    final byte[] bytes;
    int pos;
    int limit;
    String section = "header";

    ByteReader(byte[] bytes) {
        this.bytes = bytes;
        this.limit = bytes.length;
    }

    final Identity identity() {
        need(32);
        byte[] b = new byte[32];
        System.arraycopy(bytes, pos, b, 0, 32);
        pos += 32;
        return new Identity(b);
    }

    final String string() {
        int at = pos;
        long length = u32();
        if (length > ArtifactCodec.MAX_STRING_BYTES) {
            throw fail(at, "string of " + length + " bytes is longer than the limit of " + ArtifactCodec.MAX_STRING_BYTES);
        }
        need((int) length);
        try {
            String s = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, pos, (int) length)).toString();
            pos += (int) length;
            return s;
        } catch (CharacterCodingException e) {
            throw fail(at, "string is not valid UTF-8");
        }
    }

    /** A u16 count; each counted item takes at least one byte, so a count can't exceed what is left. */
    final int count() {
        int at = pos;
        int n = u16();
        if (n > limit - pos) throw fail(at, "count " + n + " is more than the " + (limit - pos) + " bytes left");
        return n;
    }

    final int u8() {
        need(1);
        return bytes[pos++] & 0xFF;
    }

    final int u16() {
        need(2);
        int v = ((bytes[pos] & 0xFF) << 8) | (bytes[pos + 1] & 0xFF);
        pos += 2;
        return v;
    }

    final long u32() {
        need(4);
        long v = 0;
        for (int i = 0; i < 4; i++) v = (v << 8) | (bytes[pos++] & 0xFF);
        return v;
    }

    final long i64() {
        need(8);
        long v = 0;
        for (int i = 0; i < 8; i++) v = (v << 8) | (bytes[pos++] & 0xFF);
        return v;
    }

    final void need(int n) {
        if (n > limit - pos) {
            String where = limit == bytes.length ? "file is truncated" : "runs past the end of its block";
            throw fail(pos, where + ": needs " + n + " more byte" + (n == 1 ? "" : "s") + ", " + (limit - pos) + " left");
        }
    }

    final ArtifactFormatException fail(int at, String problem) {
        return new ArtifactFormatException(at, section, problem);
    }

    static String hex(int b) { return String.format("%02x", b); }
}
