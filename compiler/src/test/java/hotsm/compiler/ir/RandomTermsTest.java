package hotsm.compiler.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hotsm.vm.value.Values;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The generator keeps its promise: its terms have the type asked for, its values their shapes. */
class RandomTermsTest {

    @Provide Arbitrary<RandomTerms.Sample> samples() { return RandomTerms.samples(6); }

    @Property(tries = 300)
    void termsHaveTheirAdvertisedType(@ForAll("samples") RandomTerms.Sample s) {
        assertEquals(s.codomain(), IrTyping.typeOf(s.term(), s.domain(), s.stateShape()), s::toString);
        assertTrue(Values.conforms(s.argument(), s.domain()), s::toString);
        assertTrue(Values.conforms(s.state(), s.stateShape()), s::toString);
    }
}
