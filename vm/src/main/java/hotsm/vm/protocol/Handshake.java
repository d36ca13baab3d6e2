package hotsm.vm.protocol;

import hotsm.vm.bytecode.Identity;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The first bytes on a connection. The client sends a hello
 * ({@code "HSMP" | u16 version | u8 flags | [32-byte interface identity]}),
 * the node a welcome ({@code "HSMP" | u16 version | u8 status | u32 length |
 * UTF-8 message}); status 0 accepts, 1 refuses the connection (magic,
 * version), 2 refuses the interface identity; after a refusal the node closes
 * the connection.
 */
public final class Handshake {
    private Handshake() {}

    /** Flag bit: an interface identity follows. */
    static final int HAS_INTERFACE = 1;
    static final int MAX_MESSAGE = 64 * 1024;

    /** @param speaking the interface version the client speaks by default; empty: whatever the node runs */
    public record Hello(int version, Optional<Identity> speaking) {}

    /** Welcome status: go on. */
    public static final int ACCEPTED = 0;
    /** Welcome status: bad magic or unsupported version. */
    public static final int REFUSED = 1;
    /** Welcome status: the node cannot adapt the interface the client speaks. */
    public static final int REFUSED_INTERFACE = 2;

    public record Welcome(int version, int status, String message) {
        public boolean accepted() { return status == ACCEPTED; }
    }

    public static void writeHello(DataOutputStream out, Hello hello) throws IOException {
        out.write(Wire.MAGIC);
        out.writeShort(hello.version());
        out.writeByte(hello.speaking().isPresent() ? HAS_INTERFACE : 0);
        if (hello.speaking().isPresent()) out.write(hello.speaking().get().bytes());
        out.flush();
    }

    /** @throws ProtocolException if the bytes are not a hello (the version is checked by the caller) */
    public static Hello readHello(DataInputStream in) throws IOException, ProtocolException {
        byte[] magic = new byte[4];
        in.readFully(magic);
        if (!Arrays.equals(magic, Wire.MAGIC)) {
            throw new ProtocolException("this is a hotsm node: a connection must start with the magic \"HSMP\"");
        }
        int version = in.readUnsignedShort();
        int flags = in.readUnsignedByte();
        if ((flags & ~HAS_INTERFACE) != 0) throw new ProtocolException("unknown handshake flags " + flags);
        Optional<Identity> speaking = Optional.empty();
        if ((flags & HAS_INTERFACE) != 0) {
            byte[] id = new byte[32];
            in.readFully(id);
            speaking = Optional.of(new Identity(id));
        }
        return new Hello(version, speaking);
    }

    public static void writeWelcome(DataOutputStream out, Welcome w) throws IOException {
        out.write(Wire.MAGIC);
        out.writeShort(w.version());
        out.writeByte(w.status());
        byte[] message = w.message().getBytes(StandardCharsets.UTF_8);
        out.writeInt(message.length);
        out.write(message);
        out.flush();
    }

    /** A welcome's bytes, as {@link #writeWelcome} writes them. */
    public static byte[] welcomeBytes(Welcome w) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try {
            writeWelcome(new DataOutputStream(bytes), w);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);   // not on a byte array
        }
        return bytes.toByteArray();
    }

    public static Welcome readWelcome(DataInputStream in) throws IOException, ProtocolException {
        byte[] magic = new byte[4];
        in.readFully(magic);
        if (!Arrays.equals(magic, Wire.MAGIC)) throw new ProtocolException("the peer is not a hotsm node");
        int version = in.readUnsignedShort();
        int status = in.readUnsignedByte();
        int length = in.readInt();
        if (length < 0 || length > MAX_MESSAGE) throw new ProtocolException("bad welcome message length " + length);
        byte[] message = new byte[length];
        in.readFully(message);
        return new Welcome(version, status, new String(message, StandardCharsets.UTF_8));
    }
}
