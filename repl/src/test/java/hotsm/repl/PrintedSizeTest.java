package hotsm.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hotsm.vm.value.Value;
import org.junit.jupiter.api.Test;

/** The REPL's limit on what it prints, exceeded by a value that shares its parts. */
class PrintedSizeTest {

    @Test void sharedPartsCountOncePerUseAndTheCountStopsAtTheLimit() {
        Value v = new Value.Pair(Value.of(1), Value.of(2));
        assertEquals(3, PrintedSize.of(v));
        for (int i = 0; i < 60; i++) v = new Value.Pair(v, v);   // 2^60 leaves, 61 objects
        assertEquals(PrintedSize.LIMIT + 1, PrintedSize.of(v));
    }

    @Test void aListCountsItsElementsAndStopsAtTheLimit() {
        Value big = new Value.Pair(Value.of(1), Value.of(2));
        for (int i = 0; i < 30; i++) big = new Value.Pair(big, big);
        assertEquals(4, PrintedSize.of(Value.ListOf.of(java.util.List.of(Value.of(1), Value.of(2), Value.of(3)))));
        assertEquals(PrintedSize.LIMIT + 1, PrintedSize.of(Value.ListOf.of(java.util.List.of(Value.of(1), big))));
    }

    @Test void aValueUnderTheLimitIsCountedExactly() {
        Value v = Value.UNIT;
        for (int i = 0; i < 10; i++) v = new Value.Inl(new Value.Pair(v, v));
        assertTrue(PrintedSize.of(v) < PrintedSize.LIMIT);
        assertEquals((1L << 11) - 1 + ((1L << 10) - 1), PrintedSize.of(v));
    }
}
