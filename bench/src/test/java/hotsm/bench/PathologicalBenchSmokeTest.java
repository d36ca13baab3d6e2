package hotsm.bench;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/**
 * The growth harness's shapes compile, or stop at a located error, never at
 * an internal one (at a tenth of their sizes, to stay cheap: the harness
 * itself checks that its three sizes of a shape end alike). No timing here:
 * the growth is the suite's figure.
 */
class PathologicalBenchSmokeTest {
    @Test
    void everyShapeCompilesOrIsALocatedError() throws Exception {
        for (PathologicalBench.Shape s : PathologicalBench.SHAPES) {
            String outcome = PathologicalBench.outcome(s, s.n() / 10);
            assertFalse(outcome.contains("internal error"), s.key() + ": " + outcome);
        }
    }
}
