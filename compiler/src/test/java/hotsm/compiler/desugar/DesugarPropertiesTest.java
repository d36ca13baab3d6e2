package hotsm.compiler.desugar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import hotsm.compiler.ir.IrAssertions;
import hotsm.compiler.ir.IrInterpreter;
import hotsm.compiler.ir.IrPrinter;
import hotsm.compiler.ir.IrRuntimeError;
import hotsm.compiler.ir.Term;
import hotsm.compiler.types.DataType;
import hotsm.compiler.types.Type;
import hotsm.compiler.types.Typed;
import hotsm.vm.value.Value;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Desugaring then running the IR agrees with evaluating the checked expression directly. */
class DesugarPropertiesTest {
    private static final Typed.Program PROGRAM = new Typed.Program(
            Map.<String, DataType>of("Prelude.Bool", TypedTrees.BOOL_DATA, "Prelude.Maybe", TypedTrees.MAYBE,
                    "T.Rec", RandomExprs.REC_DATA),
            Map.of(), Map.of(), List.of());
    private static final List<Type> TYPES = List.of(TypedTrees.INT, TypedTrees.BOOL, RandomExprs.MAYBE_INT, RandomExprs.PAIR,
            RandomExprs.LIST, RandomExprs.REC);

    record Sample(Typed.Expr expr) {
        @Override public String toString() { return expr.toString(); }
    }

    @Provide
    Arbitrary<Sample> samples() {
        return Arbitraries.randoms().map(r -> new Sample(new RandomExprs(r).expr(TYPES.get(r.nextInt(TYPES.size())), 1 + r.nextInt(5))));
    }

    @Property(tries = 300)
    void desugaredTermsComputeWhatTheExpressionMeans(@ForAll("samples") Sample s) {
        Term t = new Desugarer(PROGRAM).expression(s.expr());
        IrAssertions.assertFixedSetOnly(t);
        IrAssertions.assertTyped(t, hotsm.vm.types.Shape.UNIT, new Erasure(PROGRAM.dataTypes(), Map.of()).erase(s.expr().type()), null);
        String expected;
        try {
            expected = TypedEvaluator.eval(s.expr(), Map.of()).toString();
        } catch (IrRuntimeError e) {
            expected = "error: " + e.getMessage();
        }
        String actual;
        try {
            Value v = IrInterpreter.run(t, Value.UNIT, null).value();
            actual = v.toString();
        } catch (IrRuntimeError e) {
            actual = "error: " + e.getMessage();
        }
        assertEquals(expected, actual, () -> IrPrinter.print(t));
    }
}
