package hotsm.bench;

import hotsm.vm.protocol.Frame;
import hotsm.vm.protocol.FrameIO;
import hotsm.vm.protocol.ClientHandshake;
import hotsm.vm.protocol.ConnectionSecurity;
import hotsm.vm.protocol.HostPort;
import hotsm.vm.protocol.NodeClient;
import hotsm.vm.protocol.MessageType;
import hotsm.vm.protocol.Messages;
import hotsm.vm.protocol.Wire;
import hotsm.vm.value.Value;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Optional;
import java.util.concurrent.Semaphore;

/**
 * The pipelining baseline: the least a protocol client can do. It encodes
 * the STEP frame once, writes frames into a 64 KiB buffer and flushes only
 * when the buffer fills or the window of requests in flight is full; a
 * reader thread counts replies without decoding them. It connects as
 * {@link NodeClient} does (the same handshake and default cookie).
 */
final class RawClient implements AutoCloseable {
    private final Socket s;
    private final DataOutputStream out;
    private final DataInputStream in;

    RawClient(int port) throws IOException {
        s = new Socket(InetAddress.getLoopbackAddress(), port);
        s.setTcpNoDelay(true);
        out = new DataOutputStream(new BufferedOutputStream(s.getOutputStream(), 1 << 16));
        in = new DataInputStream(new BufferedInputStream(s.getInputStream(), 1 << 16));
        try {
            ClientHandshake.run(out, in, new HostPort("127.0.0.1", port), Optional.empty(),
                    ConnectionSecurity.defaults(), NodeClient.DEFAULT_CONNECT_TIMEOUT);
        } catch (hotsm.vm.protocol.ProtocolException e) {
            throw new IOException(e);
        }
    }

    /** Sends {@code count} steps of {@code input} with at most {@code window} in flight; returns when all are answered. */
    void pipeline(Value input, int count, int window) throws IOException, InterruptedException {
        byte[] body = Messages.stepRequest(new Messages.StepRequest(Optional.empty(), input));
        Semaphore slots = new Semaphore(window);
        IOException[] failed = new IOException[1];
        Thread reader = new Thread(() -> {
            try {
                for (int i = 0; i < count; i++) {
                    Frame f = FrameIO.read(in, Wire.DEFAULT_MAX_FRAME);
                    if (f == null || f.type() != MessageType.OUTPUT.code()) throw new IOException("bad reply " + f);
                    slots.release();
                }
            } catch (IOException e) {
                failed[0] = e;
                slots.release(window);
            }
        }, "raw-reader");
        reader.start();
        for (int i = 0; i < count; i++) {
            if (!slots.tryAcquire()) {
                out.flush();
                slots.acquire();
            }
            FrameIO.write(out, new Frame(MessageType.STEP, i + 1, body), false);
        }
        out.flush();
        reader.join();
        if (failed[0] != null) throw failed[0];
    }

    @Override public void close() throws IOException { s.close(); }
}
