package hotsm.vm.bytecode;

import java.util.Arrays;

/**
 * A growable big-endian byte buffer with back-patched 32-bit length prefixes,
 * at most {@link ArtifactCodec#MAX_FILE_BYTES} long: an artifact whose types
 * are written out exponentially large (a data type nested 250 deep) stops
 * there, with an {@link IllegalArgumentException}, instead of filling memory.
 */
final class ByteSink {
    private byte[] bytes = new byte[256];
    private int size;

    int size() { return size; }

    void u8(int b) {
        ensure(1);
        bytes[size++] = (byte) b;
    }

    void u16(int v) {
        u8(v >>> 8);
        u8(v);
    }

    void u32(int v) {
        u16(v >>> 16);
        u16(v);
    }

    void i64(long v) {
        u32((int) (v >>> 32));
        u32((int) v);
    }

    void raw(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, bytes, size, b.length);
        size += b.length;
    }

    /** Reserves a u32 to be filled in by {@link #patchLength}. */
    int reserveLength() {
        int at = size;
        u32(0);
        return at;
    }

    /** Writes the number of bytes since the reserved u32 into it. */
    void patchLength(int at) {
        int length = size - at - 4;
        bytes[at] = (byte) (length >>> 24);
        bytes[at + 1] = (byte) (length >>> 16);
        bytes[at + 2] = (byte) (length >>> 8);
        bytes[at + 3] = (byte) length;
    }

    byte[] toByteArray() { return Arrays.copyOf(bytes, size); }

    private void ensure(int n) {
        if ((long) size + n > ArtifactCodec.MAX_FILE_BYTES) {
            throw new IllegalArgumentException("its file would be larger than the limit of "
                    + ArtifactCodec.MAX_FILE_BYTES + " bytes");
        }
        if (size + n > bytes.length) bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + n));
    }
}
