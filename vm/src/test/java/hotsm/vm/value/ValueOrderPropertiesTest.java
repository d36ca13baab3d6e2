package hotsm.vm.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hotsm.vm.testing.RandomArtifacts;
import hotsm.vm.types.Shape;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** The value order is a total order that agrees with equality, on random values of random shapes (lists and maps included). */
class ValueOrderPropertiesTest {

    static int cmp(Value a, Value b) { return Integer.signum(ValueOrder.compare(a, b, Meter.FREE)); }

    @Property(tries = 500)
    void theOrderIsTotalAntisymmetricTransitiveAndAgreesWithEquals(@ForAll long seed) {
        RandomArtifacts r = new RandomArtifacts(seed);
        Shape s = r.shape(3);
        Value a = r.value(s);
        Value b = r.value(s);
        Value c = r.value(s);
        assertEquals(0, cmp(a, a));
        assertEquals(-cmp(a, b), cmp(b, a));
        assertEquals(cmp(a, b) == 0, a.equals(b), () -> a + " vs " + b);
        if (cmp(a, b) <= 0 && cmp(b, c) <= 0) assertTrue(cmp(a, c) <= 0);
        if (a.equals(b)) assertEquals(a.hashCode(), b.hashCode());
    }
}
