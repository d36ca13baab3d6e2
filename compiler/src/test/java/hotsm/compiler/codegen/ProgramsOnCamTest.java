package hotsm.compiler.codegen;

import hotsm.compiler.ir.MachineIr;
import hotsm.compiler.ir.Term;
import hotsm.compiler.programs.ProgramScript;
import hotsm.vm.bytecode.Artifact;
import hotsm.vm.machine.Cam;
import hotsm.vm.value.Value;
import hotsm.vm.verify.Verifier;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every program of {@code src/test/resources/programs} on the CAM: each
 * machine is built into its artifact, verified, and its step code run by the
 * vm; migrations run as compiled code too. The same directives pass on the
 * reference interpreter ({@code ProgramsTest}), so the two back ends agree.
 */
class ProgramsOnCamTest {

    private static final long FUEL = 10_000_000;

    /** The CAM as a {@link ProgramScript.Engine}; artifacts are built (and verified) once per machine. */
    private static final class CamEngine implements ProgramScript.Engine {
        private final Map<MachineIr, Artifact> artifacts = new IdentityHashMap<>();

        @Override public ProgramScript.Result step(MachineIr machine, Value input, Value state) {
            Artifact a = artifacts.computeIfAbsent(machine, m -> {
                Artifact built = ArtifactBuilder.build(m);
                Verifier.verify(built);
                return built;
            });
            Cam.Result r = Cam.run(a.step(), a.blocks(), input, state, FUEL);
            return new ProgramScript.Result(r.value(), r.state());
        }

        @Override public Value run(Term term, Value argument) {
            return Cam.run(CamCompiler.compile(term), argument, null, FUEL).value();
        }
    }

    @TestFactory
    List<DynamicTest> cam() throws IOException {
        List<Path> programs = ProgramScript.programs();
        Assertions.assertFalse(programs.isEmpty(), "no programs in " + ProgramScript.folder());
        CamEngine engine = new CamEngine();
        List<DynamicTest> tests = new ArrayList<>();
        for (Path p : programs) tests.add(DynamicTest.dynamicTest(p.getFileName().toString(), () -> ProgramScript.run(p, engine)));
        return tests;
    }
}
