package hotsm.compiler.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hotsm.compiler.resolve.LoadResult;
import hotsm.compiler.resolve.ModuleLoader;
import hotsm.compiler.syntax.Parser;
import hotsm.vm.bytecode.PrimOp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The conventions of the checked program that the desugarer relies on, and the REPL entry point. */
class TypeCheckerTest {
    @TempDir Path dir;

    private CheckResult check(String module, String source) throws IOException {
        Path file = dir.resolve(module + ".sm");
        Files.writeString(file, source);
        LoadResult loaded = new ModuleLoader(List.of()).load(List.of(file));
        assertEquals(List.of(), SamplesCheckTest.headers(loaded.diagnostics()));
        return TypeChecker.check(loaded.modules());
    }

    private CheckResult clean(String module, String source) throws IOException {
        CheckResult r = check(module, source);
        assertEquals(List.of(), SamplesCheckTest.headers(r.diagnostics()));
        return r;
    }

    @Test
    void polymorphicFunctionsAreGeneralisedAndUsesCarryTheirInstantiation() throws IOException {
        CheckResult r = clean("Poly", """
                swap (a, b) = (b, a)
                use = swap (1, "x")
                first = fst (True, 2)
                """);
        Typed.Function swap = r.program().functions().get("Poly.swap");
        assertEquals(2, swap.typeParams().size());
        assertEquals("(a, b) -> (b, a)", TypePrinter.print(swap.type()));
        Typed.Call use = assertInstanceOf(Typed.Call.class, r.program().functions().get("Poly.use").body());
        assertEquals("Poly.swap", use.function());
        assertEquals(List.of(Type.INT, Type.STRING), use.typeArgs());
        assertEquals("(String, Int)", TypePrinter.print(use.type()));
        Typed.Call first = assertInstanceOf(Typed.Call.class, r.program().functions().get("Poly.first").body());
        assertEquals("Prelude.fst", first.function());
        assertEquals(List.of(Type.BOOL, Type.INT), first.typeArgs());
    }

    @Test
    void localNamesAreUniqueWithinTheirFunction() throws IOException {
        CheckResult r = clean("Shadow", "f x = let x = x + 1 in case x of { x -> x }\n");
        Typed.Function f = r.program().functions().get("Shadow.f");
        List<String> names = new ArrayList<>();
        names.add(((Typed.PVar) f.parameter()).name());
        Typed.Let let = (Typed.Let) f.body();
        names.add(((Typed.PVar) let.pattern()).name());
        Typed.Case c = (Typed.Case) let.body();
        names.add(((Typed.PVar) c.alternatives().get(0).pattern()).name());
        assertEquals(3, names.stream().distinct().count(), names.toString());
        assertEquals(names.get(1), ((Typed.Local) c.scrutinee()).name());
        assertEquals(names.get(2), ((Typed.Local) c.alternatives().get(0).body()).name());
    }

    @Test
    void primitivesBindToPrimOps() throws IOException {
        CheckResult r = clean("Prims", """
                data Output = Text String
                label n = showInt n ++ "!"
                size s = length s

                machine m : Int -> Output
                  state () = ()
                  proc n -> do
                    s <- showInt -< n
                    returnA -< Text s
                """);
        Typed.Binary label = (Typed.Binary) r.program().functions().get("Prims.label").body();
        assertEquals(PrimOp.SHOW_INT, ((Typed.PrimCall) label.left()).op());
        assertEquals(PrimOp.LENGTH, ((Typed.PrimCall) r.program().functions().get("Prims.size").body()).op());
        assertTrue(r.program().functions().keySet().stream().noneMatch(k -> k.equals("Prelude.showInt")));
        Typed.Do step = (Typed.Do) r.program().machines().get("Prims.m").step().body();
        Typed.Feed feed = (Typed.Feed) ((Typed.Bind) step.statements().get(0)).cmd();
        assertEquals(new Typed.PrimArrow(PrimOp.SHOW_INT), feed.arrow());
    }

    @Test
    void whereBlockEntriesAreKeyedByMachine() throws IOException {
        CheckResult r = clean("Local", """
                machine m : Int -> Int
                  state Int = 0
                  proc k -> do
                    bump -< twice k
                    get -< ()
                  where
                    twice x = x + x
                    bump = proc k -> do
                      n <- get -< ()
                      put -< n + k
                """);
        Typed.Machine m = r.program().machines().get("Local.m");
        assertEquals(java.util.Set.of("Local.m.twice", "Local.m.bump"), m.locals().keySet());
        Typed.Feed feed = (Typed.Feed) ((Typed.Exec) ((Typed.Do) m.step().body()).statements().get(0)).cmd();
        assertEquals(new Typed.LocalArrow("Local.m.bump"), feed.arrow());
        assertEquals("Local.m.twice", ((Typed.Call) feed.input()).function());
        assertEquals("Int -> ()", TypePrinter.print(m.locals().get("Local.m.bump").type()));
        String stepParam = ((Typed.PVar) m.step().parameter()).name();
        String bumpParam = ((Typed.PVar) m.locals().get("Local.m.bump").proc().parameter()).name();
        assertNotEquals(stepParam, bumpParam);
    }

    @Test
    void orderingOperandsDefaultToInt() throws IOException {
        CheckResult r = clean("Order", "lt (a, b) = a < b\n");
        assertEquals("(Int, Int) -> Bool", TypePrinter.print(r.program().functions().get("Order.lt").type()));
    }

    @Test
    void aTripleIsAPairWhoseSecondComponentIsAPair() throws IOException {
        CheckResult r = clean("Nest", """
                second (a, bc) = bc
                use = second (1, 2, 3)
                """);
        assertEquals("(Int, Int)", TypePrinter.print(r.program().functions().get("Nest.use").type()));
    }

    @Test
    void nestedCasesThatCoverEveryValueAreAccepted() throws IOException {
        clean("Cover", """
                f m = case m of
                  Nothing -> 0
                  Just (True, _) -> 1
                  Just (False, True) -> 2
                  Just (False, False) -> 3
                g (a, b) = case (a, b) of
                  (Left x, _) -> x
                  (Right _, Just y) -> y
                  (Right _, Nothing) -> 0
                h s = case s of
                  "a" -> 1
                  other -> length other
                u x = case x of
                  () -> 1
                """);
    }

    @Test
    void upgradesCompareTypesByStructureAndBareNames() throws IOException {
        Files.writeString(dir.resolve("V1.sm"), """
                data Input = Incr | Count
                machine m : Input -> Int
                  state Int = 0
                  proc i -> get -< ()
                """);
        CheckResult ok = clean("V2", """
                import V1
                data Input = Incr | Count
                machine m : Input -> Int
                  state Int = 0
                  proc i -> get -< ()
                upgrade V1.m -> m
                  input = proc i -> returnA -< i
                """);
        assertEquals(1, ok.program().upgrades().size());
        assertEquals("V1.m", ok.program().upgrades().get(0).from());
        assertEquals(null, ok.program().upgrades().get(0).state());
        CheckResult bad = check("V3", """
                import V1
                data Input = Incr | Show
                machine m : Input -> Int
                  state Int = 0
                  proc i -> get -< ()
                upgrade V1.m -> m
                  input = proc i -> returnA -< i
                """);
        assertEquals(1, bad.diagnostics().size(), SamplesCheckTest.headers(bad.diagnostics()).toString());
        assertTrue(bad.diagnostics().get(0).message().contains("the input clause returns"));
    }

    @Test
    void replExpressionsAreCheckedInAModuleScope() throws IOException {
        CheckResult r = clean("Scope", """
                data Output = Ok | Total Int
                double n = n + n
                """);
        ExprCheckResult e = TypeChecker.checkExpression(r, "Scope",
                Parser.parseExpression("<repl>", "Total (double 21)").expr());
        assertEquals(List.of(), e.diagnostics());
        assertEquals(new Type.Con("Scope.Output", List.of()), e.expr().type());
        ExprCheckResult none = TypeChecker.checkExpression(r, "Scope", Parser.parseExpression("<repl>", "Nothing").expr());
        assertEquals("Maybe ()", TypePrinter.print(none.expr().type()));
        ExprCheckResult bad = TypeChecker.checkExpression(r, "Scope", Parser.parseExpression("<repl>", "tripple 2").expr());
        assertEquals(1, bad.diagnostics().size());
        assertTrue(bad.diagnostics().get(0).message().startsWith("unbound variable 'tripple'"));
        assertEquals(List.of(), r.diagnostics(), "the module's own result is untouched");
    }

    @Test
    void typesPrintAsWritten() {
        Type.Var a = new Type.Var(100, null);
        Type.Var b = new Type.Var(101, null);
        assertEquals("Int", TypePrinter.print(Type.INT));
        assertEquals("Maybe Int", TypePrinter.print(new Type.Con("Prelude.Maybe", List.of(Type.INT))));
        assertEquals("Maybe (Maybe Int)", TypePrinter.print(new Type.Con("Prelude.Maybe",
                List.of(new Type.Con("Prelude.Maybe", List.of(Type.INT))))));
        assertEquals("(Int, Bool)", TypePrinter.print(new Type.Tuple(List.of(Type.INT, Type.BOOL))));
        assertEquals("a -> b", TypePrinter.print(new Type.Fun(a, b)));
        assertEquals("(a -> b) -> a", TypePrinter.print(new Type.Fun(new Type.Fun(a, b), a)));
        assertEquals("()", TypePrinter.print(Type.UNIT));
        assertEquals("Either a (Int, ())", TypePrinter.print(new Type.Con("Prelude.Either",
                List.of(a, new Type.Tuple(List.of(Type.INT, Type.UNIT))))));
    }
}
