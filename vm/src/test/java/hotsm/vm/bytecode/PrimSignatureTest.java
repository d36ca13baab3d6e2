package hotsm.vm.bytecode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import hotsm.vm.types.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Signatures read as the source language writes them, and type uses with fresh variables. */
class PrimSignatureTest {
    static SigType var(String n) { return new SigType.Var(n); }

    static SigType named(String n, SigType... args) { return new SigType.Named(n, List.of(args)); }

    @Test
    void aCheckerSeesSourceTypes() {
        PrimSignature lookup = PrimOp.MAP_LOOKUP.signature();
        assertEquals(new SigType.Tuple(List.of(var("k"), named("Map", var("k"), var("v")))), lookup.input());
        assertEquals(named("Maybe", var("v")), lookup.output());
        assertEquals(named("Bool"), PrimOp.EQ.signature().output());
        assertEquals(new SigType.Sum(new SigType.Unit(), new SigType.Tuple(List.of(var("a"), named("List", var("a"))))),
                PrimOp.LIST_UNCONS.signature().output());
    }

    @Test
    void shapesMatchWithFreshVariablesPerUse() {
        Shape m = new Shape.MapOf(Shape.STR, Shape.INT);
        assertEquals(new Shape.Sum(Shape.UNIT, Shape.INT), PrimOp.MAP_LOOKUP.typeOf(ShapeAlgebra.TREES, new Shape.Pair(Shape.STR, m)));
        assertEquals(Shape.BOOL, PrimOp.LT.typeOf(ShapeAlgebra.TREES, new Shape.Pair(m, m)));
        PrimSignature.Mismatch e = assertThrows(PrimSignature.Mismatch.class,
                () -> PrimOp.LT.typeOf(ShapeAlgebra.TREES, new Shape.Pair(m, Shape.INT)));
        assertEquals("(a, a) (the same type for each variable)", e.expected());
        e = assertThrows(PrimSignature.Mismatch.class, () -> PrimOp.ADD.typeOf(ShapeAlgebra.TREES, Shape.INT));
        assertEquals("(Int, Int)", e.expected());
    }

    @Test
    void badSignaturesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> PrimSignature.parse("Int -> a"));
        assertThrows(IllegalArgumentException.class, () -> PrimSignature.parse("Foo -> Int"));
        assertThrows(IllegalArgumentException.class, () -> PrimSignature.parse("Int"));
    }
}
