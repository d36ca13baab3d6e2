package hotsm.compiler.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hotsm.vm.value.Values;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Arbitrary;

class IrPropertiesTest {
    @Provide
    Arbitrary<RandomTerms.Sample> samples() { return RandomTerms.samples(4); }

    @Property(tries = 300)
    void typingAgreesWithTheGeneratorAndEvaluationWithTyping(@ForAll("samples") RandomTerms.Sample s) {
        assertEquals(s.codomain(), IrTyping.typeOf(s.term(), s.domain(), s.stateShape()));
        IrInterpreter.Result r;
        try {
            r = IrInterpreter.run(s.term(), s.argument(), s.state());
        } catch (IrRuntimeError e) {
            // the only failures: division by zero, and error (Fail) with its message
            boolean fails = IrPrinter.printFlat(s.term()).contains("error[")
                    || IrPrinter.definitions(s.term()).stream().anyMatch(d -> IrPrinter.printFlat(d.body()).contains("error["));
            assertTrue(e.getMessage().equals("division by zero") || fails, e.getMessage());
            return;
        }
        assertTrue(Values.conforms(r.value(), s.codomain()), () -> r.value() + " : " + s.codomain());
        assertTrue(Values.conforms(r.state(), s.stateShape()));
        assertTrue(IrPrinter.print(s.term()).length() > 0);
    }
}
