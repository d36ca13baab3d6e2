package hotsm.vm.machine;

import static hotsm.vm.testing.Asm.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hotsm.vm.bytecode.Artifact;
import hotsm.vm.bytecode.Code;
import hotsm.vm.bytecode.Instruction;
import hotsm.vm.bytecode.PrimOp;
import hotsm.vm.bytecode.SharedBlock;
import hotsm.vm.node.Node;
import hotsm.vm.node.NodeOptions;
import hotsm.vm.testing.SampleArtifacts;
import hotsm.vm.types.Shape;
import hotsm.vm.types.TypeDesc;
import hotsm.vm.value.Meter;
import hotsm.vm.value.Value;
import hotsm.vm.value.ValueParser;
import hotsm.vm.value.ValuePrinter;
import hotsm.vm.verify.Verifier;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** FOLD, CALL, ERROR and the list, map and string primitives on the CAM (docs/bytecode.md §6, §7). */
class CollectionsCamTest {
    static final Shape INTS = new Shape.ListOf(Shape.INT);
    static final Shape STRS = new Shape.ListOf(Shape.STR);

    static Value run(Value argument, Instruction... code) {
        return Cam.run(Code.of(code), argument, null, 1_000_000).value();
    }

    static Value apply(PrimOp op, Value in) { return run(in, prim(op)); }

    static Value ints(long... xs) {
        Value.ListOf l = Value.NIL;
        for (int i = xs.length - 1; i >= 0; i--) l = l.cons(Value.of(xs[i]));
        return l;
    }

    static Value strs(String... xs) {
        Value.ListOf l = Value.NIL;
        for (int i = xs.length - 1; i >= 0; i--) l = l.cons(Value.of(xs[i]));
        return l;
    }

    static Value tuple(Value... parts) {
        Value v = parts[parts.length - 1];
        for (int i = parts.length - 2; i >= 0; i--) v = Value.pair(parts[i], v);
        return v;
    }

    static Value just(Value v) { return new Value.Inr(v); }

    static final Value NOTHING = Value.FALSE;

    static Value map(String text) {
        return ValueParser.parse(new TypeDesc.MapOf(TypeDesc.INT, TypeDesc.STR), text);
    }

    @Test
    void foldIsALeftFoldWithAnEnvironment() {
        // (e, (acc, xs)) -> acc * 10 + x + e, left to right
        Code body = Code.of(push(), fst(), swap(), snd(), push(), fst(), push(), quote(Shape.INT, Value.of(10)), cons(),
                prim(PrimOp.MUL), swap(), snd(), cons(), prim(PrimOp.ADD), cons(), prim(PrimOp.ADD));
        assertEquals(Value.of(123 + 3 * 0), run(tuple(Value.of(0), Value.of(0), ints(1, 2, 3)), fold(body)));
        assertEquals(Value.of(((7 * 10 + 1 + 1) * 10 + 2 + 1)), run(tuple(Value.of(1), Value.of(7), ints(1, 2)), fold(body)));
        assertEquals(Value.of(7), run(tuple(Value.of(1), Value.of(7), Value.NIL), fold(body)));
        // Continues after the FOLD; the stack is kept.
        Shape input = new Shape.Pair(Shape.UNIT, new Shape.Pair(Shape.INT, INTS));
        assertEquals(Value.pair(Value.of(5), Value.of(6)), run(Value.of(5), push(),
                quote(input, tuple(Value.UNIT, Value.of(0), ints(1, 2, 3))), fold(block(snd(), prim(PrimOp.ADD))), cons()));
    }

    @Test
    void eachFoldIterationCostsFuel() {
        Code sum = Code.of(fold(block(snd(), prim(PrimOp.ADD))));
        Value input = tuple(Value.UNIT, Value.of(0), ints(new long[100]));
        assertEquals(Value.of(0), Cam.run(sum, input, null, 400).value());
        CamRuntimeError e = assertThrows(CamRuntimeError.class, () -> Cam.run(sum, input, null, 250));
        assertTrue(e.getMessage().contains("step limit of 250"), e.getMessage());
    }

    @Test
    void callRunsASharedBlockAndContinues() {
        List<SharedBlock> blocks = List.of(
                new SharedBlock("inc", Shape.INT, Shape.INT, Code.of(push(), quote(Shape.INT, Value.of(1)), cons(), prim(PrimOp.ADD))),
                new SharedBlock("twice", Shape.INT, Shape.INT, Code.of(call(0), call(0))));
        Code code = Code.of(call(1), call(1), push(), cons());
        assertEquals(Value.pair(Value.of(5), Value.of(5)), Cam.run(code, blocks, Value.of(1), null, 1000).value());
        Verifier.verifyCode("step", code, Shape.INT, new Shape.Pair(Shape.INT, Shape.INT), null, blocks);
    }

    @Test
    void errorFailsWithItsMessageEscaped() {
        CamRuntimeError e = assertThrows(CamRuntimeError.class,
                () -> run(Value.of("bad \u001b[31m input"), error(Shape.INT)));
        assertEquals("bad \\u001b[31m input", e.getMessage());
    }

    @Test
    void wordCountRunsAndFailsAtomically() {
        Artifact a = SampleArtifacts.wordCount();
        try (Node node = Node.start(a, NodeOptions.defaults())) {
            assertEquals(Value.of(2), node.step(Value.of("a b a")).join().output());
            assertEquals(Value.of(3), node.step(Value.of("c")).join().output());
            assertEquals("Map.fromList [(\"a\", 2), (\"b\", 1), (\"c\", 1)]",
                    ValuePrinter.print(a.state(), node.state().join().value()));
            CompletionException e = assertThrows(CompletionException.class, () -> node.step(Value.of("")).join());
            assertEquals("The step failed: no words in \\u001b the empty text. The state is unchanged.",
                    e.getCause().getMessage());
            assertEquals(3, ((Value.MapOf) node.state().join().value()).size());
        }
    }

    @Test
    void aMillionElementListIsBuiltAndFoldedInOneStepInASmallStack() throws InterruptedException {
        // (1, 1000000) -> List.range -> foldl (+) 0
        Code code = Code.of(prim(PrimOp.LIST_RANGE), push(), quote(Shape.INT, Value.of(0)), swap(), cons(),
                push(), quote(Shape.UNIT, Value.UNIT), swap(), cons(), fold(block(snd(), prim(PrimOp.ADD))));
        Verifier.verifyCode("step", code, new Shape.Pair(Shape.INT, Shape.INT), Shape.INT, null);
        Value[] result = new Value[1];
        Thread t = new Thread(null, () -> result[0] = Cam.run(code, Value.pair(Value.of(1), Value.of(1_000_000)), null,
                NodeOptions.DEFAULT_FUEL).value(), "small", 256 * 1024);
        t.start();
        t.join();
        assertEquals(Value.of(500_000_500_000L), result[0]);
    }

    @Test
    void listPrimitives() {
        assertEquals(ints(1, 2, 3), apply(PrimOp.LIST_CONS, Value.pair(Value.of(1), ints(2, 3))));
        assertEquals(NOTHING, apply(PrimOp.LIST_UNCONS, Value.NIL));
        assertEquals(just(Value.pair(Value.of(1), ints(2))), apply(PrimOp.LIST_UNCONS, ints(1, 2)));
        assertEquals(Value.of(3), apply(PrimOp.LIST_LENGTH, ints(5, 5, 5)));
        assertEquals(ints(-1, 2, 2, 3), apply(PrimOp.LIST_SORT, ints(3, 2, -1, 2)));
        assertEquals(ints(1, 2, 3), apply(PrimOp.LIST_RANGE, Value.pair(Value.of(1), Value.of(3))));
        assertEquals(Value.NIL, apply(PrimOp.LIST_RANGE, Value.pair(Value.of(3), Value.of(1))));
        assertEquals(ints(5), apply(PrimOp.LIST_RANGE, Value.pair(Value.of(5), Value.of(5))));
        assertEquals(ints(1, 2, 3), apply(PrimOp.LIST_APPEND, Value.pair(ints(1), ints(2, 3))));
        assertEquals(ints(2), apply(PrimOp.LIST_APPEND, Value.pair(Value.NIL, ints(2))));
        // A range too long for the fuel is refused before it is built.
        assertThrows(CamRuntimeError.class, () -> Cam.run(Code.of(prim(PrimOp.LIST_RANGE)),
                Value.pair(Value.of(Long.MIN_VALUE), Value.of(Long.MAX_VALUE)), null, 1_000_000));
    }

    @Test
    void sortIsStable() {
        // Pairs sorted by the whole value; equal values keep their order (checked by identity).
        Value a = Value.pair(Value.of(1), Value.of("x"));
        Value b = Value.pair(Value.of(1), Value.of("x"));
        Value.ListOf sorted = (Value.ListOf) apply(PrimOp.LIST_SORT, Value.ListOf.of(List.of(a, Value.pair(Value.of(0), Value.of("y")), b)));
        assertTrue(sorted.toList().get(1) == a && sorted.toList().get(2) == b);
    }

    @Test
    void mapPrimitives() {
        Value m = map("Map.fromList [(2, \"b\"), (1, \"a\")]");
        assertEquals(map("Map.fromList [(1, \"a\"), (2, \"b\"), (3, \"c\")]"),
                apply(PrimOp.MAP_INSERT, tuple(Value.of(3), Value.of("c"), m)));
        assertEquals(map("Map.fromList [(1, \"z\"), (2, \"b\")]"), apply(PrimOp.MAP_INSERT, tuple(Value.of(1), Value.of("z"), m)));
        assertEquals(map("Map.fromList [(2, \"b\")]"), apply(PrimOp.MAP_DELETE, Value.pair(Value.of(1), m)));
        assertEquals(m, apply(PrimOp.MAP_DELETE, Value.pair(Value.of(9), m)));
        assertEquals(just(Value.of("b")), apply(PrimOp.MAP_LOOKUP, Value.pair(Value.of(2), m)));
        assertEquals(NOTHING, apply(PrimOp.MAP_LOOKUP, Value.pair(Value.of(3), m)));
        assertEquals(Value.TRUE, apply(PrimOp.MAP_MEMBER, Value.pair(Value.of(1), m)));
        assertEquals(Value.FALSE, apply(PrimOp.MAP_MEMBER, Value.pair(Value.of(0), Value.EMPTY_MAP)));
        assertEquals(Value.of(2), apply(PrimOp.MAP_SIZE, m));
        assertEquals(Value.ListOf.of(List.of(Value.pair(Value.of(1), Value.of("a")), Value.pair(Value.of(2), Value.of("b")))),
                apply(PrimOp.MAP_TO_LIST, m));
        assertEquals(map("Map.fromList [(1, \"c\"), (2, \"b\")]"), apply(PrimOp.MAP_FROM_LIST, Value.ListOf.of(List.of(
                Value.pair(Value.of(1), Value.of("a")), Value.pair(Value.of(2), Value.of("b")), Value.pair(Value.of(1), Value.of("c"))))));
        assertEquals(Value.EMPTY_MAP, apply(PrimOp.MAP_FROM_LIST, Value.NIL));
    }

    @Test
    void stringPrimitivesCountCodePoints() {
        String smile = "\uD83D\uDE00";
        assertEquals(Value.of(3), apply(PrimOp.LENGTH, Value.of("a" + smile + "é")));
        assertEquals(Value.of(smile + "é"), apply(PrimOp.STR_SLICE, tuple(Value.of(1), Value.of(3), Value.of("a" + smile + "éz"))));
        assertEquals(Value.of("abc"), apply(PrimOp.STR_SLICE, tuple(Value.of(-5), Value.of(99), Value.of("abc"))));
        assertEquals(Value.of(""), apply(PrimOp.STR_SLICE, tuple(Value.of(2), Value.of(1), Value.of("abc"))));
        assertEquals(strs("a", "b", "", "c"), apply(PrimOp.STR_SPLIT, Value.pair(Value.of(","), Value.of("a,b,,c"))));
        assertEquals(strs(""), apply(PrimOp.STR_SPLIT, Value.pair(Value.of(","), Value.of(""))));
        assertEquals(strs("a", "b"), apply(PrimOp.STR_SPLIT, Value.pair(Value.of("::"), Value.of("a::b"))));
        assertEquals(strs("a", smile), apply(PrimOp.STR_SPLIT, Value.pair(Value.of(""), Value.of("a" + smile))));
        assertEquals(Value.of("a, b"), apply(PrimOp.STR_JOIN, Value.pair(Value.of(", "), strs("a", "b"))));
        assertEquals(Value.of(""), apply(PrimOp.STR_JOIN, Value.pair(Value.of(", "), Value.NIL)));
        assertEquals(Value.TRUE, apply(PrimOp.STR_CONTAINS, Value.pair(Value.of("aab"), Value.of("xaaab"))));
        assertEquals(Value.FALSE, apply(PrimOp.STR_CONTAINS, Value.pair(Value.of("abc"), Value.of("ab"))));
        assertEquals(Value.TRUE, apply(PrimOp.STR_CONTAINS, Value.pair(Value.of(""), Value.of(""))));
        assertEquals(Value.TRUE, apply(PrimOp.STR_STARTS_WITH, Value.pair(Value.of("ab"), Value.of("abc"))));
        assertEquals(Value.FALSE, apply(PrimOp.STR_STARTS_WITH, Value.pair(Value.of("b"), Value.of("abc"))));
        assertEquals(Value.of("ÉA"), apply(PrimOp.STR_TO_UPPER, Value.of("éa")));
        assertEquals(Value.of("éa"), apply(PrimOp.STR_TO_LOWER, Value.of("ÉA")));
        assertEquals(Value.of("a b"), apply(PrimOp.STR_TRIM, Value.of(" \t a b \n")));
        assertEquals(just(Value.of(-42)), apply(PrimOp.STR_TO_INT, Value.of("-42")));
        assertEquals(just(Value.of(Long.MAX_VALUE)), apply(PrimOp.STR_TO_INT, Value.of("9223372036854775807")));
        for (String bad : List.of("", "-", "+1", "1 ", "9223372036854775808", "1e3", "٣")) {
            assertEquals(NOTHING, apply(PrimOp.STR_TO_INT, Value.of(bad)), bad);
        }
        assertEquals(strs("a", smile, "é"), apply(PrimOp.STR_CHARS, Value.of("a" + smile + "é")));
        assertEquals(Value.NIL, apply(PrimOp.STR_CHARS, Value.of("")));
        assertEquals(Value.of("\"a\\\"b\\u001b\""), apply(PrimOp.STR_QUOTE, Value.of("a\"b\u001b")));
    }

    @Test
    void stringWorkIsChargedByTheCharacter() {
        Value big = Value.of("ab".repeat(50_000));
        for (PrimOp op : List.of(PrimOp.LENGTH, PrimOp.STR_TO_UPPER, PrimOp.STR_TRIM, PrimOp.STR_CHARS, PrimOp.STR_TO_INT)) {
            assertThrows(CamRuntimeError.class, () -> Cam.run(Code.of(prim(op)), big, null, 50_000), op::name);
            Cam.run(Code.of(prim(op)), big, null, 1_000_000);
        }
        Value needle = Value.pair(Value.of("a".repeat(5000) + "b"), Value.of("a".repeat(100_000)));
        assertThrows(CamRuntimeError.class, () -> Cam.run(Code.of(prim(PrimOp.STR_CONTAINS)), needle, null, 50_000));
        assertEquals(Value.FALSE, Cam.run(Code.of(prim(PrimOp.STR_CONTAINS)), needle, null, 1_000_000).value());
        Value equalStrings = Value.pair(big, Value.of("ab".repeat(50_000)));
        assertThrows(CamRuntimeError.class, () -> Cam.run(Code.of(prim(PrimOp.EQ)), equalStrings, null, 50_000));
    }

    @Test
    void everyPrimitiveIsTypedAndRunsThroughTheTable() {
        // The table's own typing rule accepts what the semantics above were given.
        assertEquals(new Shape.ListOf(Shape.INT), PrimOp.LIST_CONS.typeOf(hotsm.vm.bytecode.ShapeAlgebra.TREES,
                new Shape.Pair(Shape.INT, INTS)));
        assertEquals(new Shape.Sum(Shape.UNIT, Shape.STR), PrimOp.MAP_LOOKUP.typeOf(hotsm.vm.bytecode.ShapeAlgebra.TREES,
                new Shape.Pair(Shape.INT, new Shape.MapOf(Shape.INT, Shape.STR))));
        assertThrows(hotsm.vm.bytecode.PrimSignature.Mismatch.class, () -> PrimOp.LIST_CONS.typeOf(
                hotsm.vm.bytecode.ShapeAlgebra.TREES, new Shape.Pair(Shape.STR, INTS)));
        assertEquals(Value.of(3), PrimOp.ADD.apply(Value.pair(Value.of(1), Value.of(2)), Meter.FREE));
    }
}
