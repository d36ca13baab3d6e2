package hotsm.vm.value;

import static hotsm.vm.testing.Asm.ctor;
import static hotsm.vm.testing.Asm.data;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import hotsm.vm.testing.SampleArtifacts;
import hotsm.vm.types.TypeDesc;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValueParserTest {
    static final TypeDesc INPUT = SampleArtifacts.INPUT;
    static final TypeDesc OUTPUT = SampleArtifacts.OUTPUT;
    static final TypeDesc PAIR = new TypeDesc.Tuple(List.of(TypeDesc.INT, TypeDesc.INT));

    @Test
    void readsConstructorsIntsAndTuples() {
        assertEquals(new Value.Inl(Value.UNIT), ValueParser.parse(INPUT, "Incr"));
        assertEquals(new Value.Inr(Value.UNIT), ValueParser.parse(INPUT, "  Count "));
        assertEquals(new Value.Inr(Value.of(-3)), ValueParser.parse(OUTPUT, "Total (-3)"));
        assertEquals(new Value.Inr(Value.of(-3)), ValueParser.parse(OUTPUT, "Total -3"));
        assertEquals(new Value.Inr(Value.of(7)), ValueParser.parse(OUTPUT, "((Total ((7))))"));
        assertEquals(Value.of(-3), ValueParser.parse(TypeDesc.INT, "(-3)"));
        assertEquals(Value.of(Long.MIN_VALUE), ValueParser.parse(TypeDesc.INT, "-9223372036854775808"));
        assertEquals(Value.pair(Value.of(1), Value.of(2)), ValueParser.parse(PAIR, "(1,2)"));
        assertEquals(Value.UNIT, ValueParser.parse(TypeDesc.UNIT, "( () )"));
        assertEquals(Value.TRUE, ValueParser.parse(TypeDesc.BOOL, "True"));
        assertEquals(new Value.Inl(Value.UNIT), ValueParser.parse(INPUT, "Counter1.Incr"));
    }

    @Test
    void readsStringsWithEscapes() {
        assertEquals(Value.of("a\"b\\\n\t"), ValueParser.parse(TypeDesc.STR, "\"a\\\"b\\\\\\n\\t\""));
    }

    @Test
    void flatAndNestedTuplesAreTheSameValue() {
        TypeDesc nested = new TypeDesc.Tuple(List.of(TypeDesc.INT, PAIR));
        TypeDesc flat = new TypeDesc.Tuple(List.of(TypeDesc.INT, TypeDesc.INT, TypeDesc.INT));
        Value v = Value.pair(Value.of(1), Value.pair(Value.of(2), Value.of(3)));
        assertEquals(v, ValueParser.parse(nested, "(1, 2, 3)"));
        assertEquals(v, ValueParser.parse(flat, "(1, (2, 3))"));
    }

    private static ValueSyntaxException error(TypeDesc type, String text) {
        return assertThrows(ValueSyntaxException.class, () -> ValueParser.parse(type, text));
    }

    @Test
    void namesTheExpectedTypeAndWhatWasFound() {
        ValueSyntaxException e = error(INPUT, "Foo");
        assertEquals("expected a value of type Input = Incr | Count, found 'Foo'", e.getMessage());
        assertEquals(0, e.column());
        e = error(OUTPUT, "Total \"x\"");
        assertEquals("expected a value of type Int, found '\"x\"'", e.getMessage());
        assertEquals(6, e.column());
        e = error(PAIR, "(1, 2, 3)");
        assertEquals(0, e.column());
        assertEquals("expected a value of type (Int, Int) (2 components), found 3 components: '(1, 2, 3)'", e.getMessage());
        TypeDesc maybe = new TypeDesc.Data("Maybe", List.of(TypeDesc.INT), List.of(ctor("Nothing"), ctor("Just", TypeDesc.INT)));
        assertEquals("expected a value of type Maybe Int = Nothing | Just Int, found '3'", error(maybe, "3").getMessage());
    }

    @Test
    void whatWasFoundKeepsTheClosingParenthesisOfTheLastArgument() {
        assertEquals("expected a value of type Input = Incr | Count, found 'Add (Total 1)'",
                error(INPUT, "Add (Total 1)").getMessage());
        assertEquals("expected a value of type Input = Incr | Count, found 'Add ((1)) 2'",
                error(INPUT, "Add ((1)) 2 ").getMessage());
    }

    @Test
    void suggestsCloseConstructors() {
        ValueSyntaxException e = error(INPUT, "  Incrr");
        assertEquals("unknown constructor 'Incrr' of type Input; did you mean 'Incr'?", e.getMessage());
        assertEquals(2, e.column());
        assertEquals("unknown constructor 'count' of type Input; did you mean 'Count'?", error(INPUT, "count").getMessage());
    }

    @Test
    void checksArity() {
        ValueSyntaxException e = error(OUTPUT, "Total");
        assertEquals("Total takes 1 argument, but was given 0 in 'Total'", e.getMessage());
        assertEquals("Ok takes no arguments, but was given 1 in 'Ok 3'", error(OUTPUT, "Ok 3").getMessage());
        TypeDesc point = data("Point", ctor("P", TypeDesc.INT, TypeDesc.INT));
        assertEquals("P takes 2 arguments, but was given 1 in 'P 1'", error(point, "P 1").getMessage());
        assertEquals(4, error(new TypeDesc.Tuple(List.of(TypeDesc.INT, OUTPUT)), "(1, Total 1 2)").column());
    }

    @Test
    void reportsLexicalErrorsWithColumns() {
        ValueSyntaxException e = error(TypeDesc.STR, "\"abc");
        assertEquals("unterminated string", e.getMessage());
        assertEquals(0, e.column());
        e = error(TypeDesc.STR, "\"a\\qb\"");
        assertEquals(2, e.column());
        e = error(TypeDesc.INT, "12 13");
        assertEquals("unexpected '1' after the value", e.getMessage());
        assertEquals(3, e.column());
        e = error(TypeDesc.INT, "99999999999999999999");
        assertEquals("integer 99999999999999999999 does not fit in 64 bits", e.getMessage());
        assertEquals("expected a value, found the end of the input", error(TypeDesc.INT, "   ").getMessage());
        assertEquals(3, error(PAIR, "(1 2)").column());
        assertEquals(0, error(PAIR, "(1, 2").column());
        assertEquals(0, error(TypeDesc.INT, "#").column());
    }

    /** Garbage in: a value or a ValueSyntaxException with a column inside the text, nothing else. */
    @net.jqwik.api.Property(tries = 2000)
    void anyTextParsesOrFailsWithAColumn(@net.jqwik.api.ForAll long seed) {
        java.util.Random random = new java.util.Random(seed);
        hotsm.vm.testing.RandomArtifacts r = new hotsm.vm.testing.RandomArtifacts(seed);
        TypeDesc type = r.type(2);
        String alphabet = "()\",-0123456789 \\ntTrueFalsJIncrOkC_'.Total";
        StringBuilder text = new StringBuilder();
        if (random.nextBoolean()) text.append(ValuePrinter.print(type, r.value(type)));
        int n = random.nextInt(12);
        for (int i = 0; i < n; i++) {
            int at = random.nextInt(text.length() + 1);
            text.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
        }
        try {
            Value v = ValueParser.parse(type, text.toString());
            assertEquals(true, Values.conforms(v, type.erase()));
        } catch (ValueSyntaxException e) {
            assertEquals(true, e.column() >= 0 && e.column() <= text.length(), () -> e.column() + " in " + text);
            assertEquals(false, e.getMessage().isEmpty());
        }
    }

    @Test
    void deepNestingIsAnErrorNotAStackOverflow() {
        String deep = "(".repeat(100_000) + "1" + ")".repeat(100_000);
        assertEquals(ValueReader.MAX_DEPTH, error(TypeDesc.INT, deep).column());
    }
}
