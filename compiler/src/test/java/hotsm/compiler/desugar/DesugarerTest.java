package hotsm.compiler.desugar;

import static hotsm.compiler.desugar.TypedTrees.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import hotsm.compiler.ir.IrAssertions;
import hotsm.compiler.ir.IrInterpreter;
import hotsm.compiler.ir.MachineIr;
import hotsm.compiler.ir.Term;
import hotsm.compiler.syntax.BinaryOp;
import hotsm.compiler.syntax.Decl;
import hotsm.compiler.types.DataType;
import hotsm.compiler.types.Type;
import hotsm.compiler.types.Typed;
import hotsm.vm.types.Shape;
import hotsm.vm.types.TypeDesc;
import hotsm.vm.value.Value;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DesugarerTest {
    private static final DataType INPUT = new DataType("T.Input", "Input", List.of(),
            List.of(new DataType.Constructor("Incr", List.of()), new DataType.Constructor("Count", List.of())));
    private static final DataType OUTPUT = new DataType("T.Output", "Output", List.of(),
            List.of(new DataType.Constructor("Ok", List.of()), new DataType.Constructor("Total", List.of(INT))));
    private static final Type IN = con("T.Input");
    private static final Type OUT = con("T.Output");

    private static Map<String, DataType> dataTypes() {
        Map<String, DataType> m = new LinkedHashMap<>();
        for (DataType d : List.of(BOOL_DATA, MAYBE, INPUT, OUTPUT)) m.put(d.qualifiedName(), d);
        return m;
    }

    private static Typed.Program program(Map<String, Typed.Function> functions, Map<String, Typed.Machine> machines,
                                         List<Typed.Upgrade> upgrades) {
        return new Typed.Program(dataTypes(), functions, machines, upgrades);
    }

    /** {@code counter} of LANGUAGE.md §5, by hand. */
    private static Typed.Machine counter() {
        Typed.Cmd incr = doC(ret(make("T.Output", 0, OUT)),
                bind(pvar("n", INT), get(INT)),
                exec(put(bin(BinaryOp.ADD, var("n", INT), lit(1), INT))));
        Typed.Cmd count = doC(ret(make("T.Output", 1, OUT, var("n2", INT))), bind(pvar("n2", INT), get(INT)));
        Typed.Cmd body = new Typed.CaseCmd(var("i", IN), List.of(
                new Typed.CmdAlt(pcon("T.Input", 0, IN), incr), new Typed.CmdAlt(pcon("T.Input", 1, IN), count)), OUT, P);
        return new Typed.Machine("T", "counter", IN, OUT, INT, lit(0), proc(pvar("i", IN), body), Map.of(), P);
    }

    private static Value step(MachineIr m, Value input, Value[] state) {
        IrInterpreter.Result r = IrInterpreter.run(m.step(), input, state[0]);
        state[0] = r.state();
        return r.value();
    }

    @Test
    void counterCountsAndIsWellTypedAndArrFree() {
        Typed.Program p = program(Map.of(), Map.of("T.counter", counter()), List.of());
        MachineIr m = new Desugarer(p).machine("T.counter");
        assertEquals("T.counter", m.name());
        assertEquals(TypeDesc.INT, m.state());
        assertEquals("Input", ((TypeDesc.Data) m.input()).name());
        assertEquals(Value.of(0), m.initialState());
        IrAssertions.assertFixedSetOnly(m.step());
        IrAssertions.assertTyped(m.step(), m.input().erase(), m.output().erase(), m.state().erase());
        Value[] state = {m.initialState()};
        Value incr = new Value.Inl(Value.UNIT);
        Value count = new Value.Inr(Value.UNIT);
        assertEquals(new Value.Inl(Value.UNIT), step(m, incr, state));
        step(m, incr, state);
        assertEquals(new Value.Inr(Value.of(2)), step(m, count, state));
        assertEquals(Value.of(2), state[0]);
    }

    @Test
    void upgradesAndDowngradesAttachToThisModulesMachine() {
        Typed.Machine old = counter();
        Typed.Machine next = new Typed.Machine("U", "counter", IN, OUT, INT, lit(5), counter().step(), Map.of(), P);
        Typed.Proc dbl = new Typed.Proc(pvar("s", INT), ret(bin(BinaryOp.MUL, var("s", INT), lit(2), INT)),
                new Type.Fun(INT, INT), P);
        List<Typed.Upgrade> ups = List.of(
                new Typed.Upgrade(Decl.Direction.UPGRADE, "T.counter", "U.counter", dbl, null, null, P),
                new Typed.Upgrade(Decl.Direction.DOWNGRADE, "U.counter", "T.counter", null, null, null, P));
        Map<String, Typed.Machine> ms = new LinkedHashMap<>();
        ms.put("T.counter", old);
        ms.put("U.counter", next);
        Map<String, MachineIr> irs = new Desugarer(program(Map.of(), ms, ups)).machines();
        assertEquals(List.of("T.counter", "U.counter"), List.copyOf(irs.keySet()));
        MachineIr u = irs.get("U.counter");
        assertEquals(1, u.upgrades().size());
        assertEquals("T.counter", u.upgrades().get(0).from().name());
        assertEquals(Value.of(14), IrInterpreter.run(u.upgrades().get(0).migration(), Value.of(7), null).value());
        assertEquals(Term.ID, u.downgrades().get(0).migration());
        assertEquals("T.counter", u.downgrades().get(0).to().name());
        assertEquals(0, irs.get("T.counter").upgrades().size());
    }

    private static Value eval(Typed.Program p, Typed.Expr e) {
        Term t = new Desugarer(p).expression(e);
        IrAssertions.assertFixedSetOnly(t);
        IrAssertions.assertTyped(t, Shape.UNIT, new Erasure(p.dataTypes(), Map.of()).erase(e.type()), null);
        return IrInterpreter.run(t, Value.UNIT, null).value();
    }

    private static Value eval(Typed.Expr e) { return eval(program(Map.of(), Map.of(), List.of()), e); }

    /** {@code fromMaybe (d, m) = case m of Nothing -> d; Just x -> x}, polymorphic in a. */
    private static Typed.Function fromMaybe() {
        Type maybeA = con("Prelude.Maybe", A);
        Type param = tuple(A, maybeA);
        Typed.Expr body = caseE(var("m", maybeA), A,
                alt(pcon("Prelude.Maybe", 0, maybeA), var("d", A)),
                alt(pcon("Prelude.Maybe", 1, maybeA, pvar("x", A)), var("x", A)));
        return new Typed.Function("Prelude.fromMaybe", List.of(A), ptup(param, pvar("d", A), pvar("m", maybeA)),
                body, null, new Type.Fun(param, A), P);
    }

    @Test
    void polymorphicFunctionsAreInlinedAtEachInstance() {
        Typed.Program p = program(Map.of("Prelude.fromMaybe", fromMaybe()), Map.of(), List.of());
        Type mi = con("Prelude.Maybe", INT);
        Type ms = con("Prelude.Maybe", Type.STRING);
        Typed.Expr atInt = new Typed.Call("Prelude.fromMaybe", List.of(INT),
                tup(tuple(INT, mi), lit(3), make("Prelude.Maybe", 1, mi, lit(4))), INT, P);
        Typed.Expr atStr = new Typed.Call("Prelude.fromMaybe", List.of(Type.STRING),
                tup(tuple(Type.STRING, ms), str("d"), make("Prelude.Maybe", 0, ms)), Type.STRING, P);
        assertEquals(Value.of(4), eval(p, atInt));
        assertEquals(Value.of("d"), eval(p, atStr));
        Typed.Expr both = tup(tuple(INT, Type.STRING), atInt, atStr);
        assertEquals(Value.pair(Value.of(4), Value.of("d")), eval(p, both));
    }

    @Test
    void nestedPatternsBecomeDecisionTrees() {
        Type mmi = con("Prelude.Maybe", con("Prelude.Maybe", INT));
        Type mi = con("Prelude.Maybe", INT);
        Type scrutT = tuple(INT, mmi);
        java.util.function.BiFunction<Long, Typed.Expr, Typed.Expr> match = (n, m) -> caseE(
                tup(scrutT, lit(n), m), INT,
                alt(ptup(scrutT, pint(0), pcon("Prelude.Maybe", 0, mmi)), lit(1)),
                alt(ptup(scrutT, wild(INT), pcon("Prelude.Maybe", 1, mmi, pcon("Prelude.Maybe", 1, mi, pvar("y", INT)))),
                        var("y", INT)),
                alt(ptup(scrutT, pvar("k", INT), wild(mmi)), bin(BinaryOp.ADD, var("k", INT), lit(100), INT)));
        Typed.Expr nothing = make("Prelude.Maybe", 0, mmi);
        Typed.Expr justNothing = make("Prelude.Maybe", 1, mmi, make("Prelude.Maybe", 0, mi));
        Typed.Expr justJust = make("Prelude.Maybe", 1, mmi, make("Prelude.Maybe", 1, mi, lit(7)));
        assertEquals(Value.of(1), eval(match.apply(0L, nothing)));
        assertEquals(Value.of(105), eval(match.apply(5L, nothing)));
        assertEquals(Value.of(7), eval(match.apply(0L, justJust)));
        assertEquals(Value.of(100), eval(match.apply(0L, justNothing)));
    }

    @Test
    void literalPatternsCompareWithEquality() {
        java.util.function.Function<String, Typed.Expr> m = s -> caseE(str(s), INT,
                alt(new Typed.PStr("a", Type.STRING, P), lit(1)),
                alt(new Typed.PStr("b", Type.STRING, P), lit(2)),
                alt(wild(Type.STRING), lit(3)));
        assertEquals(Value.of(1), eval(m.apply("a")));
        assertEquals(Value.of(2), eval(m.apply("b")));
        assertEquals(Value.of(3), eval(m.apply("c")));
    }

    @Test
    void andAndOrShortCircuit() {
        Typed.Expr boom = bin(BinaryOp.EQ, bin(BinaryOp.DIV, lit(1), lit(0), INT), lit(1), BOOL);
        assertEquals(Value.FALSE, eval(bin(BinaryOp.AND, bool(false), boom, BOOL)));
        assertEquals(Value.TRUE, eval(bin(BinaryOp.OR, bool(true), boom, BOOL)));
        assertEquals(Value.TRUE, eval(bin(BinaryOp.AND, bool(true), bool(true), BOOL)));
        assertEquals(Value.FALSE, eval(bin(BinaryOp.OR, bool(false), bool(false), BOOL)));
        assertThrows(hotsm.compiler.ir.IrRuntimeError.class, () -> eval(bin(BinaryOp.OR, bool(false), boom, BOOL)));
    }

    @Test
    void constructorsUseTheErasedRepresentation() {
        DataType three = new DataType("T.Three", "Three", List.of(), List.of(
                new DataType.Constructor("A", List.of()),
                new DataType.Constructor("B", List.of(INT, Type.STRING)),
                new DataType.Constructor("C", List.of(INT))));
        Map<String, DataType> dts = new LinkedHashMap<>(dataTypes());
        dts.put("T.Three", three);
        Typed.Program p = new Typed.Program(dts, Map.of(), Map.of(), List.of());
        Type t = con("T.Three");
        Typed.Expr x = new Typed.Let(pvar("x", INT), lit(9), make("T.Three", 1, t, var("x", INT), str("s")), t, P);
        assertEquals(new Value.Inr(new Value.Inl(Value.pair(Value.of(9), Value.of("s")))), eval(p, x));
        Typed.Expr c = new Typed.Let(pvar("z", INT), lit(9), make("T.Three", 2, t, var("z", INT)), t, P);
        assertEquals(new Value.Inr(new Value.Inr(Value.of(9))), eval(p, c));
        assertEquals(new Value.Inr(new Value.Inr(Value.of(4))), eval(p, make("T.Three", 2, t, lit(4))));
        assertEquals(new Value.Inl(Value.UNIT), eval(p, make("T.Three", 0, t)));
    }

    @Test
    void ifAndLetWithTuplePatterns() {
        Type pair = tuple(INT, INT);
        Typed.Expr e = new Typed.Let(ptup(pair, pvar("a", INT), pvar("b", INT)), tup(pair, lit(3), lit(4)),
                ifE(bin(BinaryOp.LT, var("a", INT), var("b", INT), BOOL),
                        bin(BinaryOp.SUB, var("b", INT), var("a", INT), INT), lit(0)), INT, P);
        assertEquals(Value.of(1), eval(e));
    }

    @Test
    void anInitialStateThatFailsIsReported() {
        Typed.Machine m = new Typed.Machine("T", "bad", IN, OUT, INT, bin(BinaryOp.DIV, lit(1), lit(0), INT),
                counter().step(), Map.of(), P);
        DesugarError e = assertThrows(DesugarError.class,
                () -> new Desugarer(program(Map.of(), Map.of("T.bad", m), List.of())).machine("T.bad"));
        assertEquals("the initial state of machine bad cannot be computed: division by zero", e.getMessage());
    }
}
