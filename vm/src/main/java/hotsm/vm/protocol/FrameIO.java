package hotsm.vm.protocol;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;

/** Reads and writes {@link Frame}s on a stream. */
public final class FrameIO {
    private FrameIO() {}

    /** A frame whose length field is out of bounds; what follows it cannot be trusted. */
    public static final class BadLength extends IOException {
        private final long length;

        BadLength(long length, String message) {
            super(message);
            this.length = length;
        }

        public long length() { return length; }
    }

    /**
     * The next frame, or null at a clean end of stream (between frames).
     *
     * @throws BadLength if the length is below the header size or above {@code maxFrame}
     * @throws EOFException if the stream ends inside a frame
     */
    public static Frame read(DataInputStream in, int maxFrame) throws IOException {
        int first = in.read();
        if (first < 0) return null;
        long length = ((long) first << 24) | ((long) in.readUnsignedByte() << 16)
                | ((long) in.readUnsignedByte() << 8) | in.readUnsignedByte();
        if (length > maxFrame) {
            throw new BadLength(length, "a frame of " + length + " bytes exceeds the maximum of " + maxFrame + " bytes");
        }
        if (length < Wire.FRAME_HEADER) {
            throw new BadLength(length, "a frame of " + length + " bytes is shorter than its "
                    + Wire.FRAME_HEADER + "-byte header");
        }
        int type = in.readUnsignedByte();
        int id = in.readInt();
        return new Frame(type, id, readBody(in, (int) length - Wire.FRAME_HEADER));
    }

    /** Memory grows with the bytes that arrive, not with what the length field promises. */
    private static byte[] readBody(DataInputStream in, int length) throws IOException {
        int chunk = 64 * 1024;
        if (length <= chunk) {
            byte[] body = new byte[length];
            in.readFully(body);
            return body;
        }
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream(chunk);
        byte[] buffer = new byte[chunk];
        int left = length;
        while (left > 0) {
            int n = in.read(buffer, 0, Math.min(chunk, left));
            if (n < 0) throw new EOFException("the stream ended inside a frame");
            body.write(buffer, 0, n);
            left -= n;
        }
        return body.toByteArray();
    }

    /** A whole frame's bytes, length field included. */
    public static byte[] bytes(Frame f) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(4 + Wire.FRAME_HEADER + f.body().length);
        b.putInt(Wire.FRAME_HEADER + f.body().length).put((byte) f.type()).putInt(f.requestId()).put(f.body());
        return b.array();
    }

    /** Write one frame (callers serialise writes) and, if asked, flush. */
    public static void write(DataOutputStream out, Frame f, boolean flush) throws IOException {
        out.writeInt(Wire.FRAME_HEADER + f.body().length);
        out.writeByte(f.type());
        out.writeInt(f.requestId());
        out.write(f.body());
        if (flush) out.flush();
    }
}
