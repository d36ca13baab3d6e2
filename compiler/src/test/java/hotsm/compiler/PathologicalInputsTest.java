package hotsm.compiler;

import static org.junit.jupiter.api.Assertions.*;

import hotsm.compiler.diag.Diagnostic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10's pathological programs, at sizes where the old quadratic or
 * exponential passes were already slow: each now compiles, or stops with a
 * located error, never an internal one. Growth rates belong to the benchmark
 * suite; these tests only pin down the behaviour (and finish quickly because
 * the passes are linear).
 */
class PathologicalInputsTest {
    @TempDir Path dir;

    /** Compiles on a thread with a large stack, as smc and sm do. */
    private Compilation compile(String source) throws Exception {
        Path f = dir.resolve("P.sm");
        Files.writeString(f, source);
        Compilation[] result = new Compilation[1];
        Thread t = new Thread(null, () -> result[0] = new Compiler(List.of()).compile(List.of(f)), "compile", 1L << 30);
        t.start();
        t.join();
        assertNotNull(result[0], "the compiler failed");
        return result[0];
    }

    private static Diagnostic only(Compilation c) {
        assertFalse(c.ok(), "expected an error");
        return c.diagnostics().get(0);
    }

    private static String nest(String open, String inner, String close, int n) {
        return open.repeat(n) + inner + close.repeat(n);
    }

    @Test
    void doublingAliasesAreALocatedErrorNotAnExponentialExpansion() throws Exception {
        StringBuilder s = new StringBuilder("type T0 = Int\n");
        for (int i = 1; i <= 40; i++) s.append("type T").append(i).append(" = (T").append(i - 1).append(", T")
                .append(i - 1).append(")\n");
        s.append("machine m : Int -> Int\n  state Int = 0\n  proc i -> returnA -< i\n");
        Diagnostic d = only(compile(s.toString()));
        assertEquals(17, d.line());
        assertTrue(d.message().contains("'T16' expands to a type of more than 100000 parts"), d.message());
    }

    @Test
    void maybeNestedDeepChecksInASignatureAndIsALocatedErrorAsAMachineType() throws Exception {
        String deep = nest("Maybe (", "Int", ")", 250);
        Compilation ok = compile("f : " + deep + " -> Int\nf m = 1\n"
                + "machine m : Int -> Int\n  state Int = 0\n  proc i -> returnA -< f Nothing\n");
        assertTrue(ok.ok(), ok.diagnostics()::toString);
        Diagnostic d = only(compile("machine m : Int -> Int\n  state (" + deep + ") = Nothing\n"
                + "  proc i -> returnA -< i\n"));
        assertEquals(1, d.line());
        assertTrue(d.message().contains("the state type of machine m takes more than"), d.message());
    }

    @Test
    void aLongOperatorChainCompiles() throws Exception {
        String chain = String.join(" + ", java.util.Collections.nCopies(20_000, "1"));
        Compilation c = compile("machine m : Int -> Int\n  state Int = 0\n  proc i -> returnA -< " + chain + "\n");
        assertTrue(c.ok(), c.diagnostics()::toString);
    }

    @Test
    void manyUnclosedBracketsAreOneLocatedError() throws Exception {
        Diagnostic d = only(compile("machine m : Int -> Int\n  state Int = 0\n  proc i -> returnA -< "
                + "(".repeat(20_000) + "1\n"));
        assertEquals(3, d.line());
        assertTrue(d.message().contains("nested too deeply"), d.message());
    }

    @Test
    void deepCallChainsCompile() throws Exception {
        StringBuilder s = new StringBuilder("f0 : Int -> Int\nf0 x = x + 1\n");
        for (int i = 1; i <= 3_000; i++) s.append("f").append(i).append(" x = f").append(i - 1).append(" x\n");
        s.append("machine m : Int -> Int\n  state Int = 0\n  proc i -> returnA -< f3000 (")
                .append(nest("f0 (", "i", ")", 2_000)).append(")\n");
        Compilation c = compile(s.toString());
        assertTrue(c.ok(), c.diagnostics()::toString);
    }

    @Test
    void aDataTypeWithTooManyConstructorsIsALocatedError() throws Exception {
        StringBuilder s = new StringBuilder("data Big = C0");
        for (int i = 1; i < 1_200; i++) s.append(" | C").append(i);
        s.append("\nmachine m : Big -> Int\n  state Int = 0\n  proc i -> returnA -< 1\n");
        Diagnostic d = only(compile(s.toString()));
        assertEquals(1, d.line());
        assertTrue(d.message().contains("at most 500"), d.message());
    }
}
