package hotsm.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hotsm.compiler.ir.IrInterpreter;
import hotsm.compiler.ir.MachineIr;
import hotsm.vm.value.Value;
import hotsm.vm.value.ValuePrinter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompilerTest {
    private static final Path COUNTERS = Path.of(System.getProperty("hotsm.root", "..")).resolve("samples/counter");

    @Test
    void machinesAreThoseOfTheGivenFilesInSourceOrder(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("Two.sm");
        Files.writeString(f, """
                import Counter1
                machine b : Int -> Int
                  state Int = 1
                  proc x -> returnA -< x + 1
                machine a : Int -> Int
                  state Int = 2
                  proc x -> returnA -< x
                """);
        Compilation c = new Compiler(List.of(COUNTERS)).compile(List.of(f));
        assertTrue(c.ok(), c.diagnostics()::toString);
        assertEquals(List.of("Two.b", "Two.a"), c.machines().stream().map(MachineIr::name).toList());
        assertTrue(c.allMachines().containsKey("Counter1.counter"));
        assertEquals("Two.a", c.machine("a").orElseThrow().name());
        assertEquals("Two.b", c.machine("Two.b").orElseThrow().name());
        assertTrue(c.machine("counter").isEmpty(), "imported machines are not the file's");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> IrListing.render(c, Optional.of("nope")));
        assertEquals("this compilation has no machine 'nope' (it defines Two.b, Two.a)", e.getMessage());
        assertTrue(IrListing.render(c, Optional.of("a")).startsWith("machine Two.a\n  input  Int\n"));
    }

    @Test
    void errorsStopTheCompilationAndAreSorted(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("Bad.sm");
        Files.writeString(f, """
                f x = x + "s"
                g y = y && 1
                """);
        Compilation c = new Compiler(List.of()).compile(List.of(f));
        assertFalse(c.ok());
        assertTrue(c.machines().isEmpty());
        assertTrue(c.sourcesByFile().containsKey(f.toString()));
        for (int i = 1; i < c.diagnostics().size(); i++) {
            assertTrue(c.diagnostics().get(i - 1).line() <= c.diagnostics().get(i).line());
        }
    }

    @Test
    void upgradeAdaptersTranslateOldInputsAndNewOutputs() throws Exception {
        Compilation c = new Compiler(List.of()).compile(List.of(COUNTERS.resolve("Counter3.sm")));
        assertTrue(c.ok(), c.diagnostics()::toString);
        MachineIr three = c.machine("counter").orElseThrow();
        assertEquals(1, three.upgrades().size());
        MachineIr.UpgradeIr up = three.upgrades().get(0);
        assertEquals("Counter2.counter", up.from().name());
        Value incr = hotsm.vm.value.ValueParser.parse(up.from().input(), "Incr");
        Value in = IrInterpreter.run(up.inputAdapter().orElseThrow(), incr, null).value();
        assertEquals("Incr3", ValuePrinter.print(three.input(), in));
        Value total = hotsm.vm.value.ValueParser.parse(three.output(), "Total3 5");
        Value out = IrInterpreter.run(up.outputAdapter().orElseThrow(), total, null).value();
        assertEquals("Total 5", ValuePrinter.print(up.from().output(), out));
        Value migrated = IrInterpreter.run(up.migration(), hotsm.vm.value.ValueParser.parse(up.from().state(), "(1, 9)"), null).value();
        assertEquals("(9, False)", ValuePrinter.print(three.state(), migrated));
        assertTrue(three.downgrades().isEmpty());
    }

    @Test
    void replExpressionsEvaluateInAModulesScope() throws Exception {
        Compilation c = new Compiler(List.of()).compile(List.of(COUNTERS.resolve("Counter1.sm")));
        assertTrue(c.ok());
        Compiler.Evaluation e = Compiler.evaluate(c, "Counter1", "<repl>", "Total (double 3 + clamp (0, 10, 42))");
        assertTrue(e.ok(), e.diagnostics()::toString);
        assertEquals("Total 16", ValuePrinter.print(e.type(), e.value()));
        Compiler.Evaluation boom = Compiler.evaluate(c, "Counter1", "<repl>", "1 / 0");
        assertEquals("division by zero", boom.runtimeError());
        assertNull(boom.value());
        Compiler.Evaluation bad = Compiler.evaluate(c, "Counter1", "<repl>", "nope 1");
        assertFalse(bad.ok());
        assertFalse(bad.diagnostics().isEmpty());
        Compiler.Evaluation poly = Compiler.evaluate(c, "Counter1", "<repl>", "fromMaybe (Nothing, Just Nothing)");
        assertEquals("Nothing", ValuePrinter.print(poly.type(), poly.value()));
        assertEquals(new Value.Inl(Value.UNIT), poly.value());
    }
}
