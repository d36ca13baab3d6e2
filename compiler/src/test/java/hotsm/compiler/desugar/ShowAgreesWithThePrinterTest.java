package hotsm.compiler.desugar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import hotsm.compiler.Compilation;
import hotsm.compiler.Compiler;
import hotsm.compiler.ir.IrInterpreter;
import hotsm.compiler.ir.MachineIr;
import hotsm.compiler.ir.RandomTerms;
import hotsm.vm.value.Value;
import hotsm.vm.value.ValuePrinter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * {@code show} (specialised by the compiler per type, LANGUAGE.md §12) prints
 * every value as the VM's {@link ValuePrinter} does: for random types built
 * from Int, String, Bool, (), tuples, Maybe, lists, maps, a record and a data
 * type with fields, and random values of them (strings without control
 * characters other than newline, which {@code show} leaves unescaped).
 */
class ShowAgreesWithThePrinterTest {
    private static final String DECLS = """
            module S
            data R = R { a : Int, b : Maybe String }
            data C = C0 | C1 Int | C2 (List Int) Bool
            """;

    private static String type(Random r, int depth) {
        int pick = r.nextInt(depth <= 0 ? 5 : 11);
        return switch (pick) {
            case 0 -> "Int";
            case 1 -> "String";
            case 2 -> "Bool";
            case 3 -> "R";
            case 4 -> "C";
            case 5 -> "()";
            case 6 -> "(" + type(r, depth - 1) + ", " + type(r, depth - 1) + ")";
            case 7 -> "Maybe (" + type(r, depth - 1) + ")";
            case 8 -> "List (" + type(r, depth - 1) + ")";
            case 9 -> "Map (" + type(r, depth - 1) + ") (" + type(r, depth - 1) + ")";
            default -> "(" + type(r, depth - 1) + ", " + type(r, depth - 1) + ", " + type(r, depth - 1) + ")";
        };
    }

    @Property(tries = 4)
    void showPrintsAsTheValuePrinter(@ForAll long seed) throws Exception {
        Random r = new Random(seed);
        StringBuilder src = new StringBuilder(DECLS);
        List<String> types = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String t = type(r, 3);
            types.add(t);
            src.append("machine m").append(i).append(" : ").append(t).append(" -> String\n  state () = ()\n  proc x -> returnA -< show x\n");
        }
        Path dir = Files.createTempDirectory("show");
        Path file = dir.resolve("S.sm");
        Files.writeString(file, src);
        Compilation c = new Compiler(List.of()).compile(List.of(file));
        assertEquals(List.of(), c.diagnostics(), src::toString);
        for (int i = 0; i < types.size(); i++) {
            MachineIr m = c.machine("m" + i).orElseThrow();
            for (int k = 0; k < 10; k++) {
                Value v = RandomTerms.value(r, m.input().erase());
                String shown = ((Value.Str) IrInterpreter.run(m.step(), v, Value.UNIT).value()).value();
                assertEquals(ValuePrinter.print(m.input(), v), shown, types.get(i));
            }
        }
    }
}
