package hotsm.vm.node;

import static org.junit.jupiter.api.Assertions.*;

import hotsm.vm.bytecode.Code;
import hotsm.vm.bytecode.Identity;
import hotsm.vm.jit.StepCode;
import org.junit.jupiter.api.Test;

/** The machine thread's map of recent versions' step code: by identity, the least recently used dropped. */
class StepCodesTest {

    private static Identity id(int n) {
        byte[] b = new byte[32];
        b[0] = (byte) n;
        return new Identity(b);
    }

    @Test
    void keepsTheMostRecentlyUsedAndReplacesByIdentity() {
        StepCodes codes = new StepCodes(2);
        StepCode a = StepCode.interpreted(new Code(java.util.List.of()));
        StepCode b = StepCode.interpreted(new Code(java.util.List.of()));
        StepCode c = StepCode.interpreted(new Code(java.util.List.of()));
        assertNull(codes.get(id(1)));
        codes.put(id(1), a);
        codes.put(id(2), b);
        assertSame(a, codes.get(id(1)));   // 1 used last: 2 is the eldest now
        codes.put(id(3), c);
        assertNull(codes.get(id(2)));
        assertSame(a, codes.get(id(1)));
        assertSame(c, codes.get(new Identity(id(3).bytes().clone())), "found by identity, not by object");
        codes.put(id(1), b);
        assertSame(b, codes.get(id(1)));
        assertSame(c, codes.get(id(3)));
    }
}
