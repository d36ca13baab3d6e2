package hotsm.vm.value;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** The size the node's value budget counts: the wire encoding's bytes, as a tree, cut off at the cap. */
class ValueSizeTest {

    @Test
    void countsTheWireEncodingsBytes() {
        assertEquals(1, ValueSize.of(Value.UNIT, 100));
        assertEquals(9, ValueSize.of(Value.of(7), 100));
        assertEquals(1 + 4 + 3, ValueSize.of(Value.of("abc"), 100));
        assertEquals(1 + 4 + 2, ValueSize.of(Value.of("é"), 100));   // UTF-8 bytes
        assertEquals(1 + 9 + 2, ValueSize.of(Value.pair(Value.of(1), new Value.Inl(Value.UNIT)), 100));
    }

    @Test
    void listsAndMapsCountAsTheWireWritesThem() {
        Value list = Value.ListOf.of(java.util.List.of(Value.of(1), Value.of(2)));
        assertEquals(1 + 4 + 9 + 9, ValueSize.of(list, 100));
        assertTrue(ValueSize.of(Value.ListOf.of(java.util.Collections.nCopies(1_000_000, Value.UNIT)), 1000) > 1000);
    }

    @Test
    void sharedPartsCountEachTimeAndTheWalkStopsAtTheCap() {
        Value v = Value.of(1);
        for (int i = 0; i < 200; i++) v = Value.pair(v, v);   // 2^200 leaves, 200 cells in memory
        long size = ValueSize.of(v, 1_000_000);
        assertTrue(size > 1_000_000 && size < 1_000_100, "saturates just past the cap: " + size);
    }
}
