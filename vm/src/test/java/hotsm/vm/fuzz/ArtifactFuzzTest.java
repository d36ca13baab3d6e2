package hotsm.vm.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import hotsm.vm.bytecode.Artifact;
import hotsm.vm.bytecode.ArtifactCodec;
import hotsm.vm.bytecode.ArtifactFormatException;
import hotsm.vm.verify.Verifier;
import hotsm.vm.verify.VerifyException;

/** The artifact decoder and the verifier: what a node does with the bytes of an upgrade. */
class ArtifactFuzzTest {

    @FuzzTest(maxDuration = "4s")
    void decodeAndVerify(byte[] bytes) {
        Artifact a;
        try {
            a = ArtifactCodec.decode(bytes);
        } catch (ArtifactFormatException expected) {
            return;
        }
        try {
            Verifier.verify(a);
        } catch (VerifyException expected) {
            // the verifier's own error
        }
    }
}
