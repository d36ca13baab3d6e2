package hotsm.vm.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hotsm.vm.testing.RandomArtifacts;
import hotsm.vm.testing.WellTypedCode;
import hotsm.vm.types.Shape;
import hotsm.vm.value.Value;
import hotsm.vm.value.Values;
import hotsm.vm.verify.Verifier;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * The verifier and the VM agree: random code that is well typed by
 * construction is accepted with the generator's result shape, and runs on
 * conforming inputs to a conforming result and state, failing only with
 * {@link CamRuntimeError} (division by zero, ERROR, fuel); lists, maps and
 * FOLDs included, every primitive picked by its own typing rule.
 */
class VerifiedCodeRunsTest {

    @Property(tries = 1000)
    void wellTypedCodeVerifiesAndRunsWithinItsShapes(@ForAll long seed) {
        RandomArtifacts random = new RandomArtifacts(seed);
        Shape input = random.shape(2);
        Shape state = seed % 3 == 0 ? null : random.shape(2);
        WellTypedCode.Generated g = new WellTypedCode(seed, state).block(input, 1 + (int) Math.floorMod(seed, 20L), 3);
        assertEquals(g.result(), Verifier.typeOf(g.code(), input, state));
        Verifier.verifyCode("code", g.code(), input, g.result(), state);
        for (int k = 0; k < 3; k++) {
            Value argument = random.value(input);
            Value st = state == null ? null : random.value(state);
            try {
                Cam.Result r = Cam.run(g.code(), argument, st, 100_000);
                assertTrue(Values.conforms(r.value(), g.result()), () -> r.value() + " : " + g.result());
                if (state != null) assertTrue(Values.conforms(r.state(), state));
            } catch (CamRuntimeError e) {
                // The run-time errors verified code may have: division by zero, ERROR (on generated
                // strings), fuel (a huge List.range), an over-long string.
                String m = e.getMessage();
                assertTrue(m.equals("division by zero") || m.equals(WellTypedCode.GENERATED_ERROR)
                        || m.startsWith("step limit") || m.startsWith("string of") || m.startsWith("range of"), m);
            }
        }
    }
}
