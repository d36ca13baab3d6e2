package hotsm.vm.protocol;

import java.io.BufferedInputStream;
import java.io.InputStream;

/**
 * The buffered stream a {@link NodeClient}'s handshake reads through, which may hold bytes read past the
 * welcome (the first replies): {@link ReplyReader} takes those from here and then reads the socket's own
 * stream directly, since a {@link BufferedInputStream} asks the socket how much more is there (an
 * {@code ioctl}) after every read that did not fill the caller's array, once per reply on a request–reply
 * connection.
 */
final class HandshakeInput extends BufferedInputStream {
    HandshakeInput(InputStream in, int size) {
        super(in, size);
    }

    /** The bytes read from the socket and not yet taken. */
    synchronized int buffered() {
        return count - pos;
    }
}
