package hotsm.vm.value;

import static hotsm.vm.testing.Asm.ctor;
import static hotsm.vm.testing.Asm.data;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import hotsm.vm.testing.RandomArtifacts;
import hotsm.vm.testing.SampleArtifacts;
import hotsm.vm.types.TypeDesc;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class ValuePrinterTest {
    static final TypeDesc OUTPUT = SampleArtifacts.OUTPUT;
    static final TypeDesc MAYBE_OUTPUT = new TypeDesc.Data("Maybe", List.of(OUTPUT),
            List.of(ctor("Nothing"), ctor("Just", OUTPUT)));

    @Test
    void printsConstructorsWithTheirNames() {
        assertEquals("Ok", ValuePrinter.print(OUTPUT, new Value.Inl(Value.UNIT)));
        assertEquals("Total 2", ValuePrinter.print(OUTPUT, new Value.Inr(Value.of(2))));
        assertEquals("Total (-3)", ValuePrinter.print(OUTPUT, new Value.Inr(Value.of(-3))));
        assertEquals("Just (Total (-3))", ValuePrinter.print(MAYBE_OUTPUT, new Value.Inr(new Value.Inr(Value.of(-3)))));
        assertEquals("Nothing", ValuePrinter.print(MAYBE_OUTPUT, new Value.Inl(Value.UNIT)));
    }

    @Test
    void printsPrimitivesAndTuples() {
        assertEquals("()", ValuePrinter.print(TypeDesc.UNIT, Value.UNIT));
        assertEquals("-3", ValuePrinter.print(TypeDesc.INT, Value.of(-3)));
        assertEquals("True", ValuePrinter.print(TypeDesc.BOOL, Value.TRUE));
        assertEquals("False", ValuePrinter.print(TypeDesc.BOOL, Value.FALSE));
        assertEquals("(1, 2)", ValuePrinter.print(new TypeDesc.Tuple(List.of(TypeDesc.INT, TypeDesc.INT)),
                Value.pair(Value.of(1), Value.of(2))));
        TypeDesc triple = new TypeDesc.Tuple(List.of(TypeDesc.INT, TypeDesc.BOOL, TypeDesc.STR));
        assertEquals("(1, True, \"x\")", ValuePrinter.print(triple,
                Value.pair(Value.of(1), Value.pair(Value.TRUE, Value.of("x")))));
        assertEquals("(-1, Total (-2))", ValuePrinter.print(new TypeDesc.Tuple(List.of(TypeDesc.INT, OUTPUT)),
                Value.pair(Value.of(-1), new Value.Inr(Value.of(-2)))));
    }

    @Test
    void escapesStrings() {
        assertEquals("\"a\\\"b\"", ValuePrinter.print(TypeDesc.STR, Value.of("a\"b")));
        assertEquals("\"\\\\ \\n \\t\"", ValuePrinter.print(TypeDesc.STR, Value.of("\\ \n \t")));
    }

    @Test
    void constructorsWithSeveralFieldsAndSingleConstructorTypes() {
        TypeDesc point = data("Point", ctor("Point", TypeDesc.INT, TypeDesc.INT));
        assertEquals("Point 1 (-2)", ValuePrinter.print(point, Value.pair(Value.of(1), Value.of(-2))));
        TypeDesc shape = data("Shape", ctor("Dot"), ctor("Line", point, point), ctor("Label", TypeDesc.STR));
        Value line = new Value.Inr(new Value.Inl(Value.pair(Value.pair(Value.of(0), Value.of(0)),
                Value.pair(Value.of(3), Value.of(4)))));
        assertEquals("Line (Point 0 0) (Point 3 4)", ValuePrinter.print(shape, line));
        assertEquals("Label \"hi\"", ValuePrinter.print(shape, new Value.Inr(new Value.Inr(Value.of("hi")))));
        assertEquals("Dot", ValuePrinter.print(shape, new Value.Inl(Value.UNIT)));
    }

    @Test
    void refusesValuesOfTheWrongShape() {
        assertThrows(IllegalArgumentException.class, () -> ValuePrinter.print(OUTPUT, Value.of(1)));
        assertThrows(IllegalArgumentException.class, () -> ValuePrinter.print(TypeDesc.INT, Value.UNIT));
        assertThrows(IllegalArgumentException.class, () -> ValuePrinter.print(OUTPUT, new Value.Inl(Value.of(1))));
    }

    @Property(tries = 1000)
    void parseInvertsPrint(@ForAll long seed) {
        RandomArtifacts r = new RandomArtifacts(seed);
        TypeDesc type = r.type(3);
        Value v = r.value(type);
        String printed = ValuePrinter.print(type, v);
        assertEquals(v, ValueParser.parse(type, printed), () -> type + ": " + printed);
        assertEquals(v, ValueParser.parse(type, " ( " + printed + " ) "), () -> type + ": " + printed);
    }
}
