package hotsm.vm.types;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class TypeDescTest {
    private static TypeDesc.Constructor ctor(String name, TypeDesc... fields) {
        return new TypeDesc.Constructor(name, List.of(fields));
    }

    @Test
    void counterOutputErasesToUnitPlusInt() {
        TypeDesc output = new TypeDesc.Data("Output", List.of(), List.of(ctor("Ok"), ctor("Total", TypeDesc.INT)));
        assertEquals(new Shape.Sum(Shape.UNIT, Shape.INT), output.erase());
    }

    @Test
    void sumsAndFieldsNestToTheRight() {
        TypeDesc t = new TypeDesc.Data("T", List.of(), List.of(
                ctor("A"), ctor("B", TypeDesc.INT, TypeDesc.STR, TypeDesc.BOOL), ctor("C", TypeDesc.STR)));
        Shape expected = new Shape.Sum(Shape.UNIT, new Shape.Sum(
                new Shape.Pair(Shape.INT, new Shape.Pair(Shape.STR, Shape.BOOL)), Shape.STR));
        assertEquals(expected, t.erase());
    }

    @Test
    void singleConstructorIsItsFields() {
        TypeDesc t = new TypeDesc.Data("Box", List.of(), List.of(ctor("Box", TypeDesc.INT)));
        assertEquals(Shape.INT, t.erase());
    }

    @Property(tries = 50)
    void tuplesAreRightNestedPairs(@ForAll @IntRange(min = 2, max = 8) int n) {
        List<TypeDesc> parts = java.util.Collections.nCopies(n, TypeDesc.INT);
        Shape s = new TypeDesc.Tuple(parts).erase();
        for (int i = 0; i < n - 1; i++) {
            assertEquals(Shape.INT, ((Shape.Pair) s).first());
            s = ((Shape.Pair) s).second();
        }
        assertEquals(Shape.INT, s);
    }
}
