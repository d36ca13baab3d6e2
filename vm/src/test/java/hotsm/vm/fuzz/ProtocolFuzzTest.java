package hotsm.vm.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import hotsm.vm.protocol.FrameIO;
import hotsm.vm.protocol.Handshake;
import hotsm.vm.protocol.Messages;
import hotsm.vm.protocol.ProtocolException;
import hotsm.vm.protocol.Wire;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;

/**
 * The protocol decoder: the handshake (hello, challenge, welcome), frames and every message body a node
 * or a client reads. Running out of bytes in a stream ({@link EOFException})
 * is how the stream readers say "truncated"; a bad length is
 * {@link FrameIO.BadLength}; anything else wrong is a {@link ProtocolException}.
 */
class ProtocolFuzzTest {

    @FuzzTest(maxDuration = "4s")
    void decode(FuzzedDataProvider data) throws IOException {
        int which = data.consumeInt(0, 13);
        byte[] bytes = data.consumeRemainingAsBytes();
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        try {
            switch (which) {
                case 0 -> Handshake.readHello(in);
                case 1 -> Handshake.readWelcome(in);
                case 2 -> FrameIO.read(in, Wire.DEFAULT_MAX_FRAME);
                case 3 -> Messages.stepRequest(bytes);
                case 4 -> Messages.output(bytes);
                case 5 -> Messages.state(bytes);
                case 6 -> Messages.info(bytes);
                case 7 -> Messages.changed(bytes);
                case 8 -> Messages.interfaceView(bytes);
                case 9 -> Messages.error(bytes);
                case 10 -> Messages.signedUpgrade(bytes);
                case 11 -> Messages.signature(bytes);
                case 13 -> Handshake.readGreeting(in);
                default -> Messages.interfaceRequest(bytes);
            }
        } catch (ProtocolException | EOFException expected) {
            // the decoder's own errors (BadLength is an IOException too, and its own)
        } catch (FrameIO.BadLength expected) {
            // a frame length out of range
        }
    }
}
