package hotsm.vm.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import hotsm.vm.value.Value;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * {@link WireIn} reads a Unit or an Int inside sums ({@code Ok}, {@code Total n},
 * most steps' inputs and outputs) on a short path of its own: it reads the
 * same values, stops at the same byte, and fails the same way as the general
 * reader, on each side of its depth limit.
 */
class WireInSumsTest {
    @Test
    void sumsOfScalarsReadAsWritten() throws Exception {
        for (Value leaf : new Value[] {Value.UNIT, Value.of(0), Value.of(-1), Value.of(Long.MAX_VALUE), Value.of(Long.MIN_VALUE)}) {
            Value v = leaf;
            for (int depth = 0; depth <= 12; depth++) {
                byte[] bytes = new WireOut().value(v).raw(new byte[] {42}).toBytes();   // a byte after the value
                WireIn in = new WireIn(bytes);
                assertEquals(v, in.value(), "depth " + depth);
                assertEquals(bytes.length - 1, in.position(), "the reader stops after the value, depth " + depth);
                v = depth % 3 == 0 ? new Value.Inr(v) : new Value.Inl(v);
            }
        }
    }

    @Test
    void aTruncatedIntInsideSumsIsTheGeneralReadersError() {
        Value v = new Value.Inl(new Value.Inr(Value.of(7)));
        byte[] whole = new WireOut().value(v).toBytes();
        for (int cut = 0; cut < whole.length; cut++) {
            byte[] truncated = Arrays.copyOf(whole, cut);
            ProtocolException e = assertThrows(ProtocolException.class, () -> new WireIn(truncated).value());
            assertEquals(cut <= 2 ? "truncated value tag at offset " + cut + " (body has " + cut + " bytes)"
                    : "truncated Int value at offset 3 (body has " + cut + " bytes)", e.getMessage());
        }
    }

    @Test
    void otherValuesStillReadByTheGeneralReader() throws Exception {
        Value v = new Value.Inl(Value.pair(Value.of(1), new Value.Inr(Value.of("s"))));
        assertEquals(v, new WireIn(new WireOut().value(v).toBytes()).value());
        byte[] unknownTag = {4, 5, 9};
        ProtocolException e = assertThrows(ProtocolException.class, () -> new WireIn(unknownTag).value());
        assertEquals("unknown value tag 9 at offset 2", e.getMessage());
    }
}
