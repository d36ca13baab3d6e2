package hotsm.compiler.programs;

import hotsm.compiler.ir.IrInterpreter;
import hotsm.compiler.ir.MachineIr;
import hotsm.compiler.ir.Term;
import hotsm.vm.value.Value;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every program of {@code src/test/resources/programs} on the reference interpreter. */
class ProgramsTest {
    static final ProgramScript.Engine REFERENCE = new ProgramScript.Engine() {
        @Override public ProgramScript.Result step(MachineIr machine, Value input, Value state) {
            IrInterpreter.Result r = IrInterpreter.run(machine.step(), input, state);
            return new ProgramScript.Result(r.value(), r.state());
        }

        @Override public Value run(Term term, Value argument) {
            return IrInterpreter.run(term, argument, null).value();
        }
    };

    @TestFactory
    List<DynamicTest> referenceInterpreter() throws IOException {
        List<Path> programs = ProgramScript.programs();
        Assertions.assertTrue(programs.size() >= 5, "the programs folder is there: " + ProgramScript.folder());
        List<DynamicTest> tests = new ArrayList<>();
        for (Path p : programs) tests.add(DynamicTest.dynamicTest(p.getFileName().toString(), () -> ProgramScript.run(p, REFERENCE)));
        return tests;
    }
}
