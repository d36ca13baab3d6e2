package hotsm.vm.protocol;

import hotsm.vm.bytecode.Identity;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The first bytes on a connection (docs/protocol.md). The client sends a
 * hello ({@code "HSMP" | u16 version | u8 flags | [32-byte interface identity]
 * | 32-byte client nonce}); the node answers with a challenge
 * ({@code "HSMP" | u16 version | u8 status 3 | 32-byte node nonce | 32-byte
 * node proof}) or, refusing, a welcome; the client sends its 32-byte proof
 * ({@link CookieProof}); the node checks it before it reads anything else and
 * sends a welcome ({@code "HSMP" | u16 version | u8 status | u32 length |
 * UTF-8 message}): status 0 accepts, 1 refuses the connection (magic,
 * version), 2 refuses the interface identity, 4 refuses the cookie proof;
 * after a refusal the node closes the connection.
 */
public final class Handshake {
    private Handshake() {}

    /** Flag bit: an interface identity follows. */
    static final int HAS_INTERFACE = 1;
    static final int MAX_MESSAGE = 64 * 1024;

    /**
     * @param speaking the interface version the client speaks by default; empty: whatever the node runs
     * @param nonce    the client's fresh nonce (empty array when the version is not one this code speaks:
     *                 the rest of such a hello is not read)
     */
    public record Hello(int version, Optional<Identity> speaking, byte[] nonce) {
        public Hello(int version, Optional<Identity> speaking) {
            this(version, speaking, CookieProof.nonce());
        }
    }

    /** Welcome status: go on. */
    public static final int ACCEPTED = 0;
    /** Welcome status: bad magic or unsupported version. */
    public static final int REFUSED = 1;
    /** Welcome status: the node cannot adapt the interface the client speaks. */
    public static final int REFUSED_INTERFACE = 2;
    /** Not a welcome: the node's challenge (its nonce and proof) follows. */
    public static final int CHALLENGE = 3;
    /** Welcome status: the client's cookie proof is wrong. */
    public static final int REFUSED_COOKIE = 4;

    /** What the node says first: a challenge, or a refusal. */
    public sealed interface Greeting permits Challenge, Welcome {}

    /** The node's nonce and its proof that it knows the cookie. */
    public record Challenge(int version, byte[] nonce, byte[] proof) implements Greeting {}

    public record Welcome(int version, int status, String message) implements Greeting {
        public boolean accepted() { return status == ACCEPTED; }
    }

    /**
     * Writes the hello in one write: a node that refuses the version answers
     * after the first six bytes and closes, and a hello still being written
     * then would fail with a broken pipe instead of reading the refusal.
     */
    public static void writeHello(DataOutputStream out, Hello hello) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        DataOutputStream b = new DataOutputStream(bytes);
        b.write(Wire.MAGIC);
        b.writeShort(hello.version());
        b.writeByte(hello.speaking().isPresent() ? HAS_INTERFACE : 0);
        if (hello.speaking().isPresent()) b.write(hello.speaking().get().bytes());
        b.write(hello.nonce());
        bytes.writeTo(out);
        out.flush();
    }

    /**
     * Reads a hello; of one whose version is not {@link Wire#PROTOCOL_VERSION}
     * only the magic and the version (the caller refuses it).
     *
     * @throws ProtocolException if the bytes are not a hello
     */
    public static Hello readHello(DataInputStream in) throws IOException, ProtocolException {
        byte[] magic = new byte[4];
        in.readFully(magic);
        if (!Arrays.equals(magic, Wire.MAGIC)) {
            throw new ProtocolException("this is a hotsm node: a connection must start with the magic \"HSMP\"");
        }
        int version = in.readUnsignedShort();
        if (version != Wire.PROTOCOL_VERSION) return new Hello(version, Optional.empty(), new byte[0]);
        int flags = in.readUnsignedByte();
        if ((flags & ~HAS_INTERFACE) != 0) throw new ProtocolException("unknown handshake flags " + flags);
        Optional<Identity> speaking = Optional.empty();
        if ((flags & HAS_INTERFACE) != 0) {
            byte[] id = new byte[32];
            in.readFully(id);
            speaking = Optional.of(new Identity(id));
        }
        byte[] nonce = new byte[CookieProof.NONCE_LENGTH];
        in.readFully(nonce);
        return new Hello(version, speaking, nonce);
    }

    public static void writeChallenge(DataOutputStream out, Challenge c) throws IOException {
        out.write(Wire.MAGIC);
        out.writeShort(c.version());
        out.writeByte(CHALLENGE);
        out.write(c.nonce());
        out.write(c.proof());
        out.flush();
    }

    /** A challenge, or the welcome of a node that refused the hello. */
    public static Greeting readGreeting(DataInputStream in) throws IOException, ProtocolException {
        byte[] magic = new byte[4];
        in.readFully(magic);
        if (!Arrays.equals(magic, Wire.MAGIC)) throw new ProtocolException("the peer is not a hotsm node");
        int version = in.readUnsignedShort();
        int status = in.readUnsignedByte();
        if (status != CHALLENGE) return new Welcome(version, status, message(in));
        byte[] nonce = new byte[CookieProof.NONCE_LENGTH];
        in.readFully(nonce);
        byte[] proof = new byte[CookieProof.PROOF_LENGTH];
        in.readFully(proof);
        return new Challenge(version, nonce, proof);
    }

    public static void writeProof(DataOutputStream out, byte[] proof) throws IOException {
        out.write(proof);
        out.flush();
    }

    public static byte[] readProof(DataInputStream in) throws IOException {
        byte[] proof = new byte[CookieProof.PROOF_LENGTH];
        in.readFully(proof);
        return proof;
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
        return new Welcome(version, status, message(in));
    }

    private static String message(DataInputStream in) throws IOException, ProtocolException {
        int length = in.readInt();
        if (length < 0 || length > MAX_MESSAGE) throw new ProtocolException("bad welcome message length " + length);
        byte[] message = new byte[length];
        in.readFully(message);
        return new String(message, StandardCharsets.UTF_8);
    }
}
