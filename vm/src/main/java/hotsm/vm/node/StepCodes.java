package hotsm.vm.node;

import hotsm.vm.bytecode.Identity;
import hotsm.vm.jit.StepCode;

/**
 * The compiled step code of a node's recent versions, by identity (the running one and those a
 * downgrade may return to), the least recently used dropped past its capacity. The machine thread's
 * own small map rather than a {@code LinkedHashMap}: a version change's turn puts the new version's
 * code here, and the JDK's map code is compiled by HotSpot for the keys and map classes of everything
 * else in the JVM, so its type checks failed on the machine thread at the first upgrades (each a
 * deoptimisation in the reply gap, issue 11). Machine thread only.
 */
final class StepCodes {
    private final Identity[] identities;
    private final StepCode[] codes;
    /** When each entry was last put or found (a count of uses); 0 for an empty one. */
    private final long[] used;
    private long uses;

    StepCodes(int capacity) {
        identities = new Identity[capacity];
        codes = new StepCode[capacity];
        used = new long[capacity];
    }

    /** The code kept for {@code identity}, or null. */
    StepCode get(Identity identity) {
        for (int i = 0; i < identities.length; i++) {
            if (identities[i] != null && identities[i].equals(identity)) {
                used[i] = ++uses;
                return codes[i];
            }
        }
        return null;
    }

    /** Keep {@code code} for {@code identity}, in place of the code kept for it or of the least recently used. */
    void put(Identity identity, StepCode code) {
        int slot = 0;
        for (int i = 0; i < identities.length; i++) {
            if (identities[i] != null && identities[i].equals(identity)) {
                slot = i;
                break;
            }
            if (used[i] < used[slot]) slot = i;
        }
        identities[slot] = identity;
        codes[slot] = code;
        used[slot] = ++uses;
    }
}
