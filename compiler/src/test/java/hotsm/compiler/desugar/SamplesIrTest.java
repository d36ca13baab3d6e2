package hotsm.compiler.desugar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hotsm.compiler.Compilation;
import hotsm.compiler.Compiler;
import hotsm.compiler.IrListing;
import hotsm.compiler.ir.IrAssertions;
import hotsm.compiler.ir.IrTyping;
import hotsm.compiler.ir.MachineIr;
import hotsm.compiler.programs.ProgramScript;
import hotsm.vm.value.Values;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every sample and test program desugars to terms of the fixed set that
 * type-check against the machines' declared types, and every sample's
 * {@code smc ir} listing matches its golden file under
 * {@code src/test/resources/golden/ir} ({@code -Dgolden.update=true} rewrites them).
 */
class SamplesIrTest {
    private static final Path ROOT = Path.of(System.getProperty("hotsm.root", ".."));
    private static final Path GOLDEN = ROOT.resolve("compiler/src/test/resources/golden/ir");

    static List<Path> samples() throws IOException {
        try (Stream<Path> s = Files.walk(ROOT.resolve("samples"))) {
            return s.filter(p -> p.toString().endsWith(".sm")).sorted().toList();
        }
    }

    /** {@code samples/counter/Counter1.sm} is {@code counter_Counter1.ir}. */
    static Path goldenFor(Path sample) {
        String name = sample.getParent().getFileName() + "_" + sample.getFileName().toString().replace(".sm", ".ir");
        return GOLDEN.resolve(name);
    }

    private static Compilation compile(Path file) throws IOException {
        Compilation c = new Compiler(ProgramScript.includePaths()).compile(List.of(file));
        assertTrue(c.ok(), () -> file + ": " + c.diagnostics());
        return c;
    }

    @TestFactory
    List<DynamicTest> everyTermIsWellTypedAndArrFree() throws IOException {
        List<Path> files = new ArrayList<>(samples());
        files.addAll(ProgramScript.programs());
        List<DynamicTest> tests = new ArrayList<>();
        for (Path f : files) tests.add(DynamicTest.dynamicTest(ROOT.relativize(f).toString(), () -> {
            Compilation c = compile(f);
            assertTrue(!c.allMachines().isEmpty() || c.machines().isEmpty());
            for (MachineIr m : c.allMachines().values()) checkMachine(m);
        }));
        return tests;
    }

    static void checkMachine(MachineIr m) {
        IrAssertions.assertFixedSetOnly(m.step());
        assertEquals(m.output().erase(), IrTyping.typeOf(m.step(), m.input().erase(), m.state().erase()), m.name());
        assertTrue(Values.conforms(m.initialState(), m.state().erase()), m.name() + " initial state");
        for (MachineIr.UpgradeIr u : m.upgrades()) {
            IrAssertions.assertFixedSetOnly(u.migration());
            assertEquals(m.state().erase(), IrTyping.typeOf(u.migration(), u.from().state().erase(), null));
            u.inputAdapter().ifPresent(t -> {
                IrAssertions.assertFixedSetOnly(t);
                assertEquals(m.input().erase(), IrTyping.typeOf(t, u.from().input().erase(), null));
            });
            u.outputAdapter().ifPresent(t -> {
                IrAssertions.assertFixedSetOnly(t);
                assertEquals(u.from().output().erase(), IrTyping.typeOf(t, m.output().erase(), null));
            });
        }
        for (MachineIr.DowngradeIr d : m.downgrades()) {
            IrAssertions.assertFixedSetOnly(d.migration());
            assertEquals(d.to().state().erase(), IrTyping.typeOf(d.migration(), m.state().erase(), null));
        }
    }

    @TestFactory
    List<DynamicTest> goldenListings() throws IOException {
        boolean update = Boolean.getBoolean("golden.update");
        List<DynamicTest> tests = new ArrayList<>();
        for (Path sample : samples()) tests.add(DynamicTest.dynamicTest(goldenFor(sample).getFileName().toString(), () -> {
            String actual = IrListing.render(compile(sample), Optional.empty());
            Path golden = goldenFor(sample);
            if (update) {
                Files.createDirectories(golden.getParent());
                Files.writeString(golden, actual);
            } else {
                assertTrue(Files.exists(golden), "no golden file " + golden + " (run with -Dgolden.update=true)");
                assertEquals(Files.readString(golden), actual, "IR listing of " + sample);
            }
        }));
        return tests;
    }
}
