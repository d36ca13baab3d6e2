package hotsm.vm.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Cuts the node's replies out of the bytes of a {@link NodeClient}'s
 * connection. Bytes are read in chunks into one buffer and kept there until a
 * whole frame has arrived, so a read that times out (a caller's reply
 * timeout, or a short slice to notice an interrupt) loses nothing, even in
 * the middle of a frame: the next thread to read carries on where it
 * stopped. One chunk usually holds many pipelined replies. The buffer grows
 * with the bytes that arrive, not with what a length field promises. Only
 * the thread holding {@link Replies}' reading role calls it.
 */
final class ReplyReader {
    private static final int CHUNK = 1 << 16;

    /** What the handshake read past its end, taken first. */
    private final HandshakeInput leftover;
    /** The connection's own stream (no buffer: {@link HandshakeInput} says why). */
    private final InputStream in;
    private final int maxFrame;
    private byte[] buf = new byte[CHUNK];
    /** The bytes read and not yet cut into frames: {@code buf[start, end)}. */
    private int start;
    private int end;

    ReplyReader(HandshakeInput leftover, InputStream in, int maxFrame) {
        this.leftover = leftover;
        this.in = in;
        this.maxFrame = maxFrame;
    }

    /**
     * The next frame among the bytes already read, or null if they do not
     * hold a whole one.
     *
     * @throws FrameIO.BadLength if a length field is out of bounds (nothing after it can be trusted)
     */
    Frame next() throws FrameIO.BadLength {
        int have = end - start;
        if (have < 4) return null;
        long length = u32(start);
        if (length > maxFrame) {
            throw new FrameIO.BadLength(length, "a frame of " + length + " bytes exceeds the maximum of " + maxFrame
                    + " bytes");
        }
        if (length < Wire.FRAME_HEADER) {
            throw new FrameIO.BadLength(length, "a frame of " + length + " bytes is shorter than its "
                    + Wire.FRAME_HEADER + "-byte header");
        }
        if (have - 4 < length) return null;
        int type = buf[start + 4] & 0xFF;
        int id = (int) u32(start + 5);
        byte[] body = Arrays.copyOfRange(buf, start + 4 + Wire.FRAME_HEADER, start + 4 + (int) length);
        start += 4 + (int) length;
        if (start == end) {
            start = end = 0;
            if (buf.length > CHUNK) buf = new byte[CHUNK];   // a large reply's room is given back
        }
        return new Frame(type, id, body);
    }

    /**
     * Reads what the connection has, blocking up to the socket's timeout.
     *
     * @return false at the end of the stream
     * @throws java.net.SocketTimeoutException when nothing came in time; what was read is kept
     */
    boolean fill() throws IOException {
        if (end == buf.length) {
            if (start > 0) {
                System.arraycopy(buf, start, buf, 0, end - start);
                end -= start;
                start = 0;
            } else {
                buf = Arrays.copyOf(buf, (int) Math.min((long) buf.length * 2, 4L + maxFrame));
            }
        }
        int room = buf.length - end;
        int buffered = leftover.buffered();
        // Exactly what the handshake's buffer holds: it then returns without asking the socket for more.
        int n = buffered > 0 ? leftover.read(buf, end, Math.min(room, buffered)) : in.read(buf, end, room);
        if (n < 0) return false;
        end += n;
        return true;
    }

    /** Whether the stream stands between two frames (an end of stream here is a clean one). */
    boolean betweenFrames() { return start == end; }

    private long u32(int at) {
        return ((buf[at] & 0xFFL) << 24) | ((buf[at + 1] & 0xFFL) << 16) | ((buf[at + 2] & 0xFFL) << 8)
                | (buf[at + 3] & 0xFFL);
    }
}
