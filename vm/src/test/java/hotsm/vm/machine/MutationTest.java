package hotsm.vm.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hotsm.vm.bytecode.Artifact;
import hotsm.vm.bytecode.ArtifactCodec;
import hotsm.vm.bytecode.ArtifactFormatException;
import hotsm.vm.bytecode.Disassembler;
import hotsm.vm.bytecode.Identities;
import hotsm.vm.bytecode.UpgradeSection;
import hotsm.vm.jit.ResidentState;
import hotsm.vm.jit.StepCode;
import hotsm.vm.testing.RandomArtifacts;
import hotsm.vm.testing.SampleArtifacts;
import hotsm.vm.value.Value;
import hotsm.vm.value.ValuePrinter;
import hotsm.vm.verify.Verifier;
import hotsm.vm.verify.VerifyException;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random mutations of valid artifacts (byte changes, truncations, insertions,
 * deletions) are refused by the decoder or the verifier with their own
 * exception, or run: no other exception, ever.
 */
class MutationTest {
    static final int MUTATIONS = 12_000;

    enum Outcome { REFUSED_BY_DECODER, REFUSED_BY_VERIFIER, RAN }

    @Test
    void mutatedArtifactsAreRefusedOrRunCleanly() {
        List<byte[]> originals = SampleArtifacts.all().stream().map(ArtifactCodec::encode).toList();
        Random random = new Random(20261126L ^ System.nanoTime());
        int[] outcomes = new int[Outcome.values().length];
        for (int i = 0; i < MUTATIONS; i++) {
            byte[] original = originals.get(i % originals.size());
            byte[] mutated = mutate(original, random);
            long seed = random.nextLong();
            try {
                outcomes[attempt(mutated, seed).ordinal()]++;
            } catch (RuntimeException | Error e) {
                throw new AssertionError("mutation " + i + " (seed " + seed + ") of " + original.length
                        + " bytes threw " + e + "\nbytes: " + Arrays.toString(mutated), e);
            }
        }
        // Both kinds of refusal and clean runs must occur, or the mutations aren't exercising much.
        for (Outcome o : Outcome.values()) assertTrue(outcomes[o.ordinal()] > 0, o + ": " + Arrays.toString(outcomes));
    }

    private static Outcome attempt(byte[] bytes, long seed) {
        Artifact a;
        try {
            a = ArtifactCodec.decode(bytes);
        } catch (ArtifactFormatException e) {
            return Outcome.REFUSED_BY_DECODER;
        }
        StepCode step;
        StepCode resident;
        try {
            Verifier.verify(a);   // as a node does before it runs an artifact
            Identities.of(a);
            step = StepCode.prepare(a.step(), a.blocks());
            resident = StepCode.forStep(a);   // as a node compiles it: the state kept in its layout
        } catch (VerifyException e) {
            return Outcome.REFUSED_BY_VERIFIER;
        }
        Disassembler.listing(a);
        RandomArtifacts random = new RandomArtifacts(seed);
        Value state = a.initialState();
        ResidentState kept = resident.resident(state);
        for (int k = 0; k < 4; k++) {
            Value input = random.value(a.input());
            try {
                Cam.Result r = step.run(input, state, 10_000);
                state = r.state();
                ValuePrinter.print(a.output(), r.value());
                assertEquals(r.value(), kept.step(input, 10_000), "the resident step's output");
            } catch (CamRuntimeError e) {
                // a clean refusal of this step
                Value before = state;
                assertThrows(CamRuntimeError.class, () -> kept.step(input, 10_000));
                assertEquals(before, kept.state(), "the state after a failed resident step");
            }
            assertEquals(state, kept.state(), "the resident state");
            ValuePrinter.print(a.state(), state);
        }
        for (UpgradeSection u : a.upgrades()) {
            try {
                ValuePrinter.print(a.state(), Cam.run(u.migration(), a.blocks(), random.value(u.oldState()), null, 10_000).value());
            } catch (CamRuntimeError e) {
                // likewise
            }
        }
        return Outcome.RAN;
    }

    private static byte[] mutate(byte[] original, Random random) {
        byte[] b = original.clone();
        switch (random.nextInt(6)) {
            case 0 -> { // truncate
                return Arrays.copyOf(b, random.nextInt(b.length));
            }
            case 1 -> { // delete a byte
                int at = random.nextInt(b.length);
                byte[] shorter = new byte[b.length - 1];
                System.arraycopy(b, 0, shorter, 0, at);
                System.arraycopy(b, at + 1, shorter, at, b.length - at - 1);
                return shorter;
            }
            case 2 -> { // insert a byte
                int at = random.nextInt(b.length + 1);
                byte[] longer = new byte[b.length + 1];
                System.arraycopy(b, 0, longer, 0, at);
                longer[at] = (byte) random.nextInt(256);
                System.arraycopy(b, at, longer, at + 1, b.length - at);
                return longer;
            }
            case 3 -> { // small change to one byte: off by one, likely still well-formed
                int at = random.nextInt(b.length);
                b[at] += random.nextBoolean() ? 1 : -1;
                return b;
            }
            default -> { // overwrite one to three bytes (past the header mostly)
                int n = 1 + random.nextInt(3);
                for (int k = 0; k < n; k++) b[6 + random.nextInt(b.length - 6)] = (byte) random.nextInt(256);
                return b;
            }
        }
    }
}
