package hotsm.vm.value;

import static hotsm.vm.testing.Asm.ctor;
import static hotsm.vm.testing.Asm.data;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hotsm.vm.types.Shape;
import hotsm.vm.types.TypeDesc;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lists, maps and records (LANGUAGE.md §12, §14) in source syntax, and the value order. */
class CollectionValuesTest {
    static final TypeDesc INTS = new TypeDesc.ListOf(TypeDesc.INT);
    static final TypeDesc MAP = new TypeDesc.MapOf(TypeDesc.INT, TypeDesc.STR);
    static final TypeDesc.Constructor ACCOUNT_CTOR = new TypeDesc.Constructor("Account",
            List.of(TypeDesc.INT, TypeDesc.BOOL, TypeDesc.INT), List.of("balance", "frozen", "count"));
    static final TypeDesc ACCOUNT = data("Account", ACCOUNT_CTOR);
    static final TypeDesc MAYBE_INTS = new TypeDesc.Data("Maybe", List.of(INTS), List.of(ctor("Nothing"), ctor("Just", INTS)));

    static Value ints(long... xs) {
        Value.ListOf l = Value.NIL;
        for (int i = xs.length - 1; i >= 0; i--) l = l.cons(Value.of(xs[i]));
        return l;
    }

    static void roundTrip(TypeDesc t, String text, Value v) {
        assertEquals(text, ValuePrinter.print(t, v));
        assertEquals(v, ValueParser.parse(t, text));
    }

    @Test
    void listsPrintAndParseInSourceSyntax() {
        roundTrip(INTS, "[1, 2, 3]", ints(1, 2, 3));
        roundTrip(INTS, "[]", Value.NIL);
        roundTrip(INTS, "[-1]", ints(-1));
        roundTrip(MAYBE_INTS, "Just [1, 2]", new Value.Inr(ints(1, 2)));
        roundTrip(new TypeDesc.ListOf(INTS), "[[], [1]]", Value.ListOf.of(List.of(Value.NIL, ints(1))));
        assertEquals(ints(1, 2), ValueParser.parse(INTS, " [ 1 ,2 ] "));
        assertEquals("List Int", INTS.toString());
        assertEquals("Maybe (List Int)", MAYBE_INTS.toString());
        assertEquals(new Shape.ListOf(Shape.INT), INTS.erase());
        ValueSyntaxException e = assertThrows(ValueSyntaxException.class, () -> ValueParser.parse(INTS, "[1, \"a\"]"));
        assertEquals(4, e.column());
        assertThrows(ValueSyntaxException.class, () -> ValueParser.parse(INTS, "[1, 2"));
    }

    @Test
    void mapsPrintAscendingAndParseWithTheLaterDuplicateWinning() {
        Value m = ValueParser.parse(MAP, "Map.fromList [(2, \"b\"), (1, \"a\"), (2, \"c\")]");
        assertEquals("Map.fromList [(1, \"a\"), (2, \"c\")]", ValuePrinter.print(MAP, m));
        assertEquals(2, ((Value.MapOf) m).size());
        roundTrip(MAP, "Map.fromList []", Value.EMPTY_MAP);
        assertEquals(Value.EMPTY_MAP, ValueParser.parse(MAP, "Map.empty"));
        assertEquals("Map Int String", MAP.toString());
        TypeDesc maybeMap = new TypeDesc.Data("Maybe", List.of(MAP), List.of(ctor("Nothing"), ctor("Just", MAP)));
        roundTrip(maybeMap, "Just (Map.fromList [(1, \"a\")])", new Value.Inr(ValueParser.parse(MAP, "Map.fromList [(1, \"a\")]")));
    }

    @Test
    void mapsArePersistent() {
        Value.MapOf empty = Value.EMPTY_MAP;
        Value.MapOf m = empty;
        for (int i = 0; i < 1000; i++) m = m.put(Value.of((i * 7919L) % 1000), Value.of(i), Meter.FREE);
        assertEquals(1000, m.size());
        Value.MapOf without = m;
        for (int i = 0; i < 1000; i += 2) without = without.remove(Value.of(i), Meter.FREE);
        assertEquals(500, without.size());
        assertEquals(1000, m.size());
        assertEquals(null, without.get(Value.of(4), Meter.FREE));
        assertEquals(Value.of(5), without.entries().get(2).first());
        assertTrue(empty.isEmpty());
        assertEquals(m, Value.MapOf.of(m.entries(), Meter.FREE));
        assertEquals(m.hashCode(), Value.MapOf.of(m.entries(), Meter.FREE).hashCode());
    }

    @Test
    void recordsPrintWithFieldNamesAndParseInAnyOrderOrPositionally() {
        Value v = Value.pair(Value.of(3), Value.pair(Value.FALSE, Value.of(1)));
        roundTrip(ACCOUNT, "Account { balance = 3, frozen = False, count = 1 }", v);
        assertEquals(v, ValueParser.parse(ACCOUNT, "Account { count = 1, balance = 3, frozen = False }"));
        assertEquals(v, ValueParser.parse(ACCOUNT, "Account 3 False 1"));
        TypeDesc maybe = new TypeDesc.Data("Maybe", List.of(ACCOUNT), List.of(ctor("Nothing"), ctor("Just", ACCOUNT)));
        roundTrip(maybe, "Just (Account { balance = 3, frozen = False, count = 1 })", new Value.Inr(v));
        assertEquals("Account = Account { balance : Int, frozen : Bool, count : Int }", hotsm.vm.types.TypeText.inline(ACCOUNT));
        assertEquals("Account has no field 'bal' (its fields: balance, frozen, count)", assertThrows(ValueSyntaxException.class,
                () -> ValueParser.parse(ACCOUNT, "Account { bal = 3, frozen = False, count = 1 }")).getMessage());
        assertEquals("Account is missing its field 'count'", assertThrows(ValueSyntaxException.class,
                () -> ValueParser.parse(ACCOUNT, "Account { balance = 3, frozen = False }")).getMessage());
        assertEquals("field 'balance' given twice", assertThrows(ValueSyntaxException.class,
                () -> ValueParser.parse(ACCOUNT, "Account { balance = 3, balance = 4, frozen = False, count = 1 }")).getMessage());
    }

    @Test
    void fieldNamesArePartOfTheType() {
        TypeDesc renamed = data("Account", new TypeDesc.Constructor("Account",
                List.of(TypeDesc.INT, TypeDesc.BOOL, TypeDesc.INT), List.of("balance", "frozen", "n")));
        TypeDesc positional = data("Account", ctor("Account", TypeDesc.INT, TypeDesc.BOOL, TypeDesc.INT));
        assertNotEquals(ACCOUNT, renamed);
        assertNotEquals(ACCOUNT, positional);
        assertEquals(ACCOUNT.erase(), positional.erase());
        assertThrows(IllegalArgumentException.class,
                () -> new TypeDesc.Constructor("A", List.of(TypeDesc.INT), List.of("a", "b")));
    }

    @Test
    void controlCharactersAreEscapedAndReadBack() {
        String nasty = "a\u001b[2Jb\r\u0007\u007f\u009b\n\t\"\\é";
        String printed = ValuePrinter.print(TypeDesc.STR, Value.of(nasty));
        assertEquals("\"a\\u001b[2Jb\\u000d\\u0007\\u007f\\u009b\\n\\t\\\"\\\\é\"", printed);
        for (char c : printed.toCharArray()) assertFalse(Character.isISOControl(c), printed);
        assertEquals(Value.of(nasty), ValueParser.parse(TypeDesc.STR, printed));
        assertEquals(printed, ValuePrinter.printErased(Value.of(nasty)));
        assertThrows(ValueSyntaxException.class, () -> ValueParser.parse(TypeDesc.STR, "\"\\u12\""));
        // What the user typed is quoted back escaped in errors, too.
        for (String bad : List.of("\u001b[2J", "[1\u0007]", "Account { balance = 1\u0007 }")) {
            String message = assertThrows(ValueSyntaxException.class, () -> ValueParser.parse(INTS, bad)).getMessage();
            for (char c : message.toCharArray()) assertFalse(Character.isISOControl(c), message);
        }
    }

    @Test
    void theBeginningOfAHugeValuePrintsCheaply() {
        Value.ListOf big = Value.NIL;
        for (int i = 0; i < 200_000; i++) big = big.cons(Value.of(7));
        String start = ValuePrinter.printErased(big, 120);
        assertTrue(start.startsWith("[7, 7, 7") && start.endsWith("..."), start);
        assertEquals(120, ValuePrinter.printErased(big, 120).length());
        assertEquals(80, ValuePrinter.printErased(Value.pair(Value.of("x".repeat(1_000_000)), big), 80).length());
        assertEquals("[1, 2]", ValuePrinter.printErased(ints(1, 2), 80));
    }

    static int cmp(Value a, Value b) { return Integer.signum(ValueOrder.compare(a, b, Meter.FREE)); }

    @Test
    void theOrderIsTotalOverEveryFunctionFreeValue() {
        assertEquals(-1, cmp(Value.of(-5), Value.of(3)));
        assertEquals(-1, cmp(Value.of("ab"), Value.of("b")));
        assertEquals(-1, cmp(Value.of("a"), Value.of("ab")));
        // By code points: U+1F600 (a surrogate pair in UTF-16) after U+FFFD.
        assertEquals(1, cmp(Value.of("\uD83D\uDE00"), Value.of("\uFFFD")));
        assertEquals(-1, cmp(Value.FALSE, Value.TRUE));
        assertEquals(-1, cmp(new Value.Inl(Value.of(9)), new Value.Inr(Value.of(0))));
        assertEquals(-1, cmp(Value.pair(Value.of(1), Value.of(9)), Value.pair(Value.of(2), Value.of(0))));
        assertEquals(-1, cmp(ints(1, 2), ints(1, 2, 0)));
        assertEquals(-1, cmp(Value.NIL, ints(0)));
        assertEquals(1, cmp(ints(2), ints(1, 5)));
        assertEquals(0, cmp(ints(1, 2), ints(1, 2)));
        Value m1 = ValueParser.parse(MAP, "Map.fromList [(1, \"a\")]");
        Value m2 = ValueParser.parse(MAP, "Map.fromList [(1, \"a\"), (0, \"z\")]");
        assertEquals(1, cmp(m1, m2)); // [(1, a)] after [(0, z), (1, a)]
        assertEquals(-1, cmp(Value.EMPTY_MAP, m1));
    }

    @Test
    void comparisonChargesPerNodeAndCharacter() {
        long[] spent = {0};
        Meter m = units -> spent[0] += units;
        ValueOrder.compare(Value.of("x".repeat(1000)), Value.of("x".repeat(1000)), m);
        assertTrue(spent[0] >= 1000, "compared 1000 characters for " + spent[0]);
        spent[0] = 0;
        ValueOrder.compare(ints(new long[500]), ints(new long[500]), m);
        assertTrue(spent[0] >= 500, "visited 500 elements for " + spent[0]);
    }

    @Test
    void conformanceLooksInsideListsAndMaps() {
        assertTrue(Values.conforms(ints(1, 2), INTS.erase()));
        assertFalse(Values.conforms(Value.ListOf.of(List.of(Value.of("a"))), INTS.erase()));
        assertFalse(Values.conforms(Value.EMPTY_MAP, INTS.erase()));
        assertTrue(Values.conforms(Value.EMPTY_MAP, MAP.erase()));
        assertFalse(Values.conforms(ValueParser.parse(MAP, "Map.fromList [(1, \"a\")]"), new Shape.MapOf(Shape.INT, Shape.INT)));
    }
}
