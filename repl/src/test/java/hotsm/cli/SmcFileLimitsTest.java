package hotsm.cli;

import static hotsm.cli.SmcHarness.smc;
import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code smc disasm} and {@code smc run} read at most the artifact size limit (issue 10: disasm /dev/zero read 2 GB). */
class SmcFileLimitsTest {

    @Test
    void anEndlessFileIsRefusedAfterTheLimitNotReadToTheEnd() {
        Path zero = Path.of("/dev/zero");
        if (!Files.isReadable(zero)) return;   // not a Unix machine
        SmcHarness.Run r = smc("disasm", zero.toString());
        assertEquals(1, r.status(), r::toString);
        assertTrue(r.err().contains("larger than the limit"), r::toString);
    }

    @Test
    void anOversizedArtifactIsRefusedByRunAndDisasm(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("big.cam");
        try (var out = Files.newOutputStream(big)) {
            out.write("HSMC".getBytes());
            out.write(new byte[hotsm.vm.bytecode.ArtifactCodec.MAX_FILE_BYTES]);
        }
        for (String command : new String[] {"disasm", "run"}) {
            SmcHarness.Run r = smc(command, big.toString());
            assertEquals(1, r.status(), r::toString);
            assertTrue(r.err().contains("larger than the limit"), r::toString);
        }
    }
}
