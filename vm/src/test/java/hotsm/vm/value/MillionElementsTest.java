package hotsm.vm.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hotsm.vm.bytecode.Artifact;
import hotsm.vm.bytecode.ArtifactCodec;
import hotsm.vm.bytecode.Code;
import hotsm.vm.bytecode.Identities;
import hotsm.vm.types.TypeDesc;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A million-element list and a 20,000-entry map are built, printed,
 * parsed, encoded, decoded, compared, hashed and checked for conformance on a
 * thread with a small stack: nothing recurses along a list (LANGUAGE.md §12).
 */
class MillionElementsTest {
    static final TypeDesc INTS = new TypeDesc.ListOf(TypeDesc.INT);

    @Test
    void everyOperationOnAMillionElementsRunsInASmallStack() throws InterruptedException {
        Throwable[] failure = new Throwable[1];
        Thread t = new Thread(null, () -> {
            try {
                run();
            } catch (Throwable e) {
                failure[0] = e;
            }
        }, "small-stack", 256 * 1024);
        t.start();
        t.join();
        if (failure[0] != null) throw new AssertionError(failure[0]);
    }

    private static void run() {
        int n = 1_000_000;
        Value.ListOf list = Value.NIL;
        for (int i = n - 1; i >= 0; i--) list = list.cons(Value.of(i % 2 == 0 ? i : -i));
        assertEquals(n, list.size());
        String text = ValuePrinter.print(INTS, list);
        assertTrue(text.startsWith("[0, -1, 2, -3, "), text.substring(0, 20));
        Value parsed = ValueParser.parse(INTS, text);
        assertEquals(list, parsed);
        assertEquals(list.hashCode(), parsed.hashCode());
        assertEquals(0, ValueOrder.compare(list, parsed, Meter.FREE));
        assertTrue(Values.conforms(parsed, INTS.erase()));

        Artifact a = new Artifact("M.m", TypeDesc.UNIT, TypeDesc.UNIT, INTS, list, Code.of(), List.of(), List.of());
        byte[] bytes = ArtifactCodec.encode(a);
        Artifact back = ArtifactCodec.decode(bytes);
        assertEquals(list, back.initialState());
        assertEquals(Identities.of(a), Identities.of(back));

        List<Value> entries = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) entries.add(Value.pair(Value.of(i * 31L % 20_000), Value.of("v" + i)));
        Value.MapOf map = Value.MapOf.of(entries, Meter.FREE);
        TypeDesc mapType = new TypeDesc.MapOf(TypeDesc.INT, TypeDesc.STR);
        Value mapBack = ValueParser.parse(mapType, ValuePrinter.print(mapType, map));
        assertEquals(map, mapBack);
        Artifact m = new Artifact("M.m", TypeDesc.UNIT, TypeDesc.UNIT, mapType, map, Code.of(), List.of(), List.of());
        assertEquals(map, ArtifactCodec.decode(ArtifactCodec.encode(m)).initialState());
    }
}
