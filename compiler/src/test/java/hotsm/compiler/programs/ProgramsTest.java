package hotsm.compiler.programs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The one runner of test programs ({@code src/test/resources/programs} and
 * {@code src/test/resources/errors}, directives in the programs folder's
 * README.md): a program that must fail to compile is checked once; every
 * other program runs on each {@link Engines engine} (IR interpreter, CAM,
 * JIT, in-process node), and each must print the golden transcript beside it
 * ({@code -Dgolden.update=true} rewrites it from the reference interpreter).
 */
class ProgramsTest {

    @TestFactory
    List<DynamicNode> everyProgramDoesWhatItSaysOnEveryEngine() throws IOException {
        List<Path> corpus = ProgramScript.corpus();
        List<DynamicNode> tests = new ArrayList<>();
        int runs = 0;
        int errors = 0;
        for (Path p : corpus) {
            String name = p.getParent().getFileName() + "/" + p.getFileName();
            if (ProgramScript.expectsCompileError(p)) {
                errors++;
                tests.add(DynamicTest.dynamicTest(name, () -> ProgramScript.compareWithGolden(p, ProgramScript.checkErrors(p), true, "smc check")));
            } else {
                runs++;
                List<DynamicNode> engines = new ArrayList<>();
                boolean first = true;
                for (Engine e : Engines.all()) {
                    boolean write = first;
                    engines.add(DynamicTest.dynamicTest(e.name(), () -> ProgramScript.compareWithGolden(p, ProgramScript.run(p, e), write, e.name())));
                    first = false;
                }
                tests.add(DynamicContainer.dynamicContainer(name, engines));
            }
        }
        assertTrue(runs >= 15, "programs that run: " + runs + " in " + ProgramScript.folder());
        assertTrue(errors >= 110, "programs that fail to compile: " + errors + " in " + ProgramScript.errorFolder());
        return tests;
    }
}
